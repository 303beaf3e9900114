package serve

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/extract-news/extract/extractor/record"
	"github.com/extract-news/extract/internal/view"
)

// The browser tests drive the pages in headless Chromium, as a person
// would use them. They are skipped when no Chromium is installed (CI
// installs Debian's chromium); $CHROMIUM names another browser.

var docs = flag.Bool("docs", false, "write the browser tests' screenshots into docs/ (else into a temporary folder)")

// chromium is the path of the browser: $CHROMIUM, which must be there
// (CI sets it), or the first of Chromium's usual names found; "" for none.
func chromium(t *testing.T) string {
	if name := os.Getenv("CHROMIUM"); name != "" {
		path, err := exec.LookPath(name)
		if err != nil {
			t.Fatalf("$CHROMIUM: %v", err)
		}
		return path
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	return ""
}

// newBrowser starts headless Chromium for the test, with no sandbox (CI
// runs as root), no GPU and no traffic of its own, and returns the context
// of its tab, which ends with the test or after a minute.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	path := chromium(t)
	if path == "" {
		t.Skip("no Chromium installed (apt-get install chromium, or set $CHROMIUM)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.WindowSize(1100, 1400),
		chromedp.Flag("hide-scrollbars", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("no-pings", true), chromedp.Flag("lang", "en-GB"))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelTab(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	tctx, cancel := context.WithTimeout(ctx, time.Minute)
	t.Cleanup(cancel)
	return tctx
}

// eval runs a script in the page and decodes its value.
func eval[T any](t *testing.T, ctx context.Context, script string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](script, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("running %.80q: %v", script, err)
	}
	return v
}

func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// screenshot saves the whole page as name in a temporary folder, or, with
// -docs and for the docs, in docs/, and says where.
func screenshot(t *testing.T, ctx context.Context, name string, forDocs bool) {
	t.Helper()
	eval[chromedp.Void](t, ctx, `window.scrollTo(0, 0)`) // else the sticky key is drawn where the page was scrolled to
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	dir := t.TempDir()
	if *docs && forDocs {
		dir = filepath.Join("..", "..", "docs")
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

// pasteFile starts the server, opens its form, pastes the file into it and
// sends it, as a person would, and returns the quotes of the view.
func pasteFile(t *testing.T, ctx context.Context, path string) []shownQuote {
	t.Helper()
	ts, _ := start(t, testOptions(t))
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	do(t, ctx,
		chromedp.Navigate(ts.URL+"/"),
		chromedp.SetValue(chromedp.CSS("#text"), string(text)),
		chromedp.Click(chromedp.CSS("form button")),
		chromedp.WaitVisible(chromedp.CSS(".story .body")),
	)
	return eval[[]shownQuote](t, ctx, quotesScript)
}

// shownQuote is a quote's label in the page, with the words its marks hold.
type shownQuote struct {
	ID, Speaker, Type, Text string
	Visible                 bool
}

// quotesScript reads the labels of the quotes and the words each marks.
const quotesScript = `Array.from(document.querySelectorAll('.body .who')).map(w => {
	const id = w.dataset.q;
	const text = Array.from(document.querySelectorAll('.body .q'))
		.filter(e => e.dataset.q.split(' ').includes(id))
		.map(e => { const c = e.cloneNode(true); c.querySelectorAll('.lbl, .who').forEach(x => x.remove()); return c.textContent; })
		.join('');
	const r = w.getBoundingClientRect();
	return {ID: id, Speaker: w.querySelector('.who-name').textContent, Type: w.dataset.type, Text: text,
		Visible: r.width > 0 && r.height > 0 && getComputedStyle(w).display !== 'none'};
})`

func quoteOf(qs []shownQuote, words string) *shownQuote {
	for i, q := range qs {
		if strings.Contains(q.Text, words) {
			return &qs[i]
		}
	}
	return nil
}

// seedQuotes are quotes of the seed article and who said them.
var seedQuotes = [][2]string{
	{"We’re hopeful that this war can finally come to an end", "Karoline Leavitt"},
	{"constructive", "Volodymyr Zelensky"},
	{"only be finalized by President Zelensky", "Emmanuel Macron"},
	{"pivotal", "Kaja Kallas"},
}

func wantSeedSpeakers(t *testing.T, qs []shownQuote) {
	t.Helper()
	for _, w := range seedQuotes {
		switch q := quoteOf(qs, w[0]); {
		case q == nil:
			t.Errorf("no quote shown holds %q", w[0])
		case q.Speaker != w[1] || !q.Visible:
			t.Errorf("the quote %q is labelled %q (visible %v), want %s", w[0], q.Speaker, q.Visible, w[1])
		}
	}
}

// TestBrowserSeedArticle pastes the seed article into the form and checks
// the view: the quotes of Leavitt, Zelensky, Macron and Kallas labelled with
// their names; a click on a quote highlights its speaker and the speaker's
// other mentions; the filters hide a type of quote.
func TestBrowserSeedArticle(t *testing.T) {
	ctx := newBrowser(t)
	qs := pasteFile(t, ctx, "../../fixtures/seed-html/input.html")
	wantSeedSpeakers(t, qs)
	macron, leavitt := quoteOf(qs, seedQuotes[2][0]), quoteOf(qs, seedQuotes[0][0])
	if macron == nil || leavitt == nil {
		t.FailNow()
	}
	pointAtMacron(t, ctx, macron.ID)
	clickLeavitt(t, ctx, leavitt.ID)
	screenshot(t, ctx, "view-seed.png", true)
	styles := eval[map[string]string](t, ctx, `Object.fromEntries(['direct', 'partial', 'indirect'].map(t => {
		const e = document.querySelector('.body .qp-' + t + ', .body .q-' + t + ':not(.q-parts)');
		return [t, e ? getComputedStyle(e).textDecorationStyle : ''];
	}))`)
	if styles["direct"] != "solid" || styles["partial"] != "dashed" || styles["indirect"] != "dotted" {
		t.Errorf("the quotes' underlines are %v; want the types told apart without colour: solid, dashed, dotted", styles)
	}
	filterQuotes(t, ctx)
}

// pointAtMacron moves the mouse over the label of Macron's quote, which
// lights the pronoun that speaks it.
func pointAtMacron(t *testing.T, ctx context.Context, id string) {
	chip := fmt.Sprintf(`.body .who[data-q=%q]`, id)
	do(t, ctx, chromedp.ScrollIntoView(chromedp.CSS(chip)))
	at := eval[struct{ X, Y float64 }](t, ctx, `(() => { const r = document.querySelector(`+"`"+chip+"`"+`).getBoundingClientRect(); return {X: r.x + r.width / 2, Y: r.y + r.height / 2}; })()`)
	do(t, ctx, chromedp.MouseEvent(chromedp.MouseMoved, at.X, at.Y))
	if lit := eval[[]string](t, ctx, `Array.from(document.querySelectorAll('.body .hl-spk')).map(e => e.textContent)`); strings.Join(lit, "|") != "He" {
		t.Errorf("pointing at Macron's quote lights %q as its speaker, want He", lit)
	}
}

// clickLeavitt clicks on Leavitt's quote, which lights her name in the
// mark's colour and her other mentions, and no other quote.
func clickLeavitt(t *testing.T, ctx context.Context, id string) {
	do(t, ctx, chromedp.Click(chromedp.ID(id)))
	lit := eval[struct {
		Speakers, Mentions, Others []string
		Background                 string
	}](t, ctx, fmt.Sprintf(`(() => {
		const texts = sel => Array.from(document.querySelectorAll(sel)).map(e => e.textContent);
		const spk = document.querySelector('.body [data-spk~=%[1]q]');
		return {Speakers: texts('.body .hl-spk'), Mentions: texts('.body .hl-ent'),
			Others: texts('.body .who.hl:not([data-q=%[1]q])'), Background: spk ? getComputedStyle(spk).backgroundColor : ''};
	})()`, id))
	if strings.Join(lit.Speakers, "|") != "Karoline LeavittPER" || lit.Background != "rgb(255, 213, 74)" {
		t.Errorf("after a click on Leavitt's quote, the speaker's words lit are %q in %s; want Karoline Leavitt in rgb(255, 213, 74)", lit.Speakers, lit.Background)
	}
	if len(lit.Mentions) == 0 || len(lit.Others) > 0 {
		t.Errorf("after the click, the mentions lit are %q and other quotes lit %q", lit.Mentions, lit.Others)
	}
}

// filterQuotes unticks the indirect quotes, which hides them, ticks them
// again, and moves the confidence slider to 0.90 with the keyboard, which
// hides the quotes below it.
func filterQuotes(t *testing.T, ctx context.Context) {
	do(t, ctx, chromedp.Click(chromedp.CSS(`#filters input[value=indirect]`)))
	quotes := eval[[]shownQuote](t, ctx, quotesScript)
	for _, q := range quotes {
		if q.Visible == (q.Type == "indirect") {
			t.Errorf("with indirect quotes filtered out, %s quote %q is visible: %v", q.Type, q.Text, q.Visible)
		}
	}
	of := fmt.Sprintf(" of %d quotes shown", len(quotes))
	if count := eval[string](t, ctx, `document.querySelector('#filters .count').textContent`); !strings.HasSuffix(count, of) || count == fmt.Sprint(len(quotes))+of {
		t.Errorf("the filters' count reads %q", count)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`#filters input[value=indirect]`)),
		chromedp.Focus(chromedp.CSS(`#filters input[name=min]`)))
	for range 18 { // 18 steps of 0.05
		do(t, ctx, chromedp.KeyEvent(kb.ArrowRight))
	}
	for _, q := range eval[[]shownQuote](t, ctx, quotesScript) {
		conf := eval[float64](t, ctx, fmt.Sprintf(`parseFloat(document.querySelector('.who[data-q=%q]').dataset.conf)`, q.ID))
		if q.Visible != (conf >= 0.9) {
			t.Errorf("with the confidence at least 0.90, the quote %q of confidence %.2f is visible: %v", q.Text, conf, q.Visible)
		}
	}
}

// TestBrowserUpload uploads the seed article's page through the form's
// file field and checks the speakers of the view.
func TestBrowserUpload(t *testing.T) {
	ctx := newBrowser(t)
	ts, _ := start(t, testOptions(t))
	path, err := filepath.Abs("../../fixtures/seed-html/input.html")
	if err != nil {
		t.Fatal(err)
	}
	do(t, ctx,
		chromedp.Navigate(ts.URL+"/"),
		chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{path}),
		chromedp.Click(chromedp.CSS("form:has(#file) button")),
		chromedp.WaitVisible(chromedp.CSS(".story .body")),
	)
	wantSeedSpeakers(t, eval[[]shownQuote](t, ctx, quotesScript))
	if source := eval[string](t, ctx, `document.querySelector('.story-head .source').textContent`); !strings.HasSuffix(source, "read from input.html") {
		t.Errorf("the view's source line reads %q, want the uploaded file's name", source)
	}
}

// pageFile writes the view of recs into a file, as extract view does.
func pageFile(t *testing.T, recs []record.Record) string {
	t.Helper()
	var b bytes.Buffer
	if err := view.Write(&b, recs, view.Options{}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "page.html")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return "file://" + path
}

// seedRecord is the record of the seed article.
func seedRecord(t *testing.T) record.Record {
	t.Helper()
	seed, err := os.ReadFile("../../fixtures/seed-html/input.html")
	if err != nil {
		t.Fatal(err)
	}
	ts, _ := start(t, testOptions(t))
	return post(t, ts.URL+"/extract", "text/html", bytes.NewReader(seed)).record(t)
}

// TestBrowserWithoutScriptAndInPrint opens the page of the seed article
// from a file with scripts disabled, then as printed: the labels are there
// and name the speakers, and the filters, which need the script, are not.
func TestBrowserWithoutScriptAndInPrint(t *testing.T) {
	ctx := newBrowser(t)
	url := pageFile(t, []record.Record{seedRecord(t)})
	do(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	}), chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(".story .body")))
	const state = `({js: document.documentElement.classList.contains('js'), filters: document.getElementById('filters').getClientRects().length > 0,
		tools: getComputedStyle(document.querySelector('.tools')).position})`
	type pageState struct {
		JS, Filters bool
		Tools       string
	}
	if s := eval[pageState](t, ctx, state); s.JS || s.Filters || s.Tools != "sticky" {
		t.Errorf("without the script: %+v; want no script run, no filters, a sticky key", s)
	}
	wantSeedSpeakers(t, eval[[]shownQuote](t, ctx, quotesScript))
	do(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	}))
	if s := eval[pageState](t, ctx, state); s.Filters || s.Tools != "static" {
		t.Errorf("in print: %+v; want no filters, the key in the flow", s)
	}
	wantSeedSpeakers(t, eval[[]shownQuote](t, ctx, quotesScript))
	screenshot(t, ctx, "view-seed-print.png", false)
}

// overlapScript lists the labels (of quotes and entity types) whose boxes
// overlap one another, or that stick out of the column of text.
const overlapScript = `(() => {
	const boxes = [];
	document.querySelectorAll('.body .who, .body .lbl').forEach(el => {
		for (const r of el.getClientRects()) boxes.push({el, r});
	});
	const col = document.querySelector('.body').getBoundingClientRect();
	const name = b => b.el.className + ' "' + b.el.textContent + '"';
	const out = [];
	boxes.forEach((a, i) => {
		if (a.r.left < col.left - 1 || a.r.right > col.right + 1) out.push(name(a) + ' sticks out of the column');
		boxes.slice(i + 1).forEach(b => {
			if (a.el.contains(b.el) || b.el.contains(a.el)) return;
			const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
			const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
			if (x > 1 && y > 1) out.push(name(a) + ' overlaps ' + name(b));
		});
	});
	return out;
})()`

// TestBrowserLongArticle pastes a long article of 30 and more quotes and
// checks that every quote is labelled and visible, and that no two labels
// overlap.
func TestBrowserLongArticle(t *testing.T) {
	ctx := newBrowser(t)
	qs := pasteFile(t, ctx, "testdata/long-article.txt")
	if len(qs) < 30 {
		t.Errorf("%d quotes shown, want 30 or more", len(qs))
	}
	for _, q := range qs {
		if !q.Visible || q.Speaker == "" || q.Text == "" {
			t.Errorf("quote %s: %+v", q.ID, q)
		}
	}
	for _, w := range [][2]string{{"a seminar while the house burns", "Henrik Dahl"}, {"Whatever you build, build it higher", "Daniel Osei"}, {"Ask us what we want to pay for", "Nadia Ferreira"}} {
		if q := quoteOf(qs, w[0]); q == nil || q.Speaker != w[1] {
			t.Errorf("the quote %q: %+v, want it labelled %s", w[0], q, w[1])
		}
	}
	for _, width := range []int64{1100, 420} {
		do(t, ctx, chromedp.EmulateViewport(width, 1400))
		for _, o := range eval[[]string](t, ctx, overlapScript) {
			t.Errorf("%dpx wide: %s", width, o)
		}
	}
	do(t, ctx, chromedp.EmulateViewport(1100, 1400))
	screenshot(t, ctx, "view-long.png", true)
}

// TestBrowserAPI calls the JSON API from the page, as a pipeline in the
// browser would: eight requests at once are each answered with their own
// record, and an oversized one is refused with an error record.
func TestBrowserAPI(t *testing.T) {
	ctx := newBrowser(t)
	opts := testOptions(t)
	ts, _ := start(t, opts)
	do(t, ctx, chromedp.Navigate(ts.URL+"/"))
	got := eval[struct {
		Statuses []int
		Texts    []string
		Big      int
		BigError string
	}](t, ctx, fmt.Sprintf(`(async () => {
		const story = %q;
		const one = i => fetch('/extract', {method: 'POST', headers: {'Content-Type': 'text/plain'}, body: story.replace('Monday', 'day ' + i)})
			.then(async r => ({status: r.status, rec: await r.json()}));
		const rs = await Promise.all([...Array(8).keys()].map(one));
		const big = await fetch('/extract', {method: 'POST', headers: {'Content-Type': 'text/plain'}, body: 'word '.repeat(%d)});
		return {Statuses: rs.map(r => r.status), Texts: rs.map(r => r.rec.text), Big: big.status, BigError: (await big.json()).error};
	})()`, story, opts.MaxBytes/5+10))
	for i, s := range got.Statuses {
		if s != 200 || !strings.Contains(got.Texts[i], fmt.Sprintf("day %d.", i)) {
			t.Errorf("request %d: %d, text %q", i, s, got.Texts[i])
		}
	}
	if got.Big != 413 || !strings.Contains(got.BigError, "larger than the limit") {
		t.Errorf("the oversized request: %d %q", got.Big, got.BigError)
	}
}
