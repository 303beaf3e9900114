package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/extract-news/extract/extractor"
	"github.com/extract-news/extract/extractor/input"
	"github.com/extract-news/extract/extractor/record"
)

const story = "Bridge reopens\n\n“We owe the city a bridge it can trust,” Mayor Elena Duarte said on Monday.\n"

// newExtractor builds the extractor of the default rules once per test.
func newExtractor(t testing.TB) *extractor.Extractor {
	t.Helper()
	x, err := extractor.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// testOptions are the server's options in tests: small limits that a test
// may change.
func testOptions(t testing.TB) Options {
	opts := input.DefaultOptions()
	opts.Attempts, opts.Timeout = 1, 5*time.Second
	return Options{
		Extractor: newExtractor(t), Reader: input.NewReader(opts, strings.NewReader("")),
		Jobs: 2, MaxBytes: 64 << 10, TimeLimit: 20 * time.Second, LocalOnly: true,
	}
}

// start runs the server of opts on loopback for the test.
func start(t testing.TB, opts Options) (*httptest.Server, *server) {
	t.Helper()
	s, err := newServer(opts)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.handler())
	t.Cleanup(ts.Close)
	return ts, s
}

// reply is an answer of the server.
type reply struct {
	status int
	header http.Header
	body   string
}

func post(t testing.TB, url, contentType string, body io.Reader) reply {
	t.Helper()
	resp, err := http.Post(url, contentType, body)
	if err != nil {
		t.Fatal(err)
	}
	return read(t, resp)
}

func read(t testing.TB, resp *http.Response) reply {
	t.Helper()
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return reply{resp.StatusCode, resp.Header, string(b)}
}

// decode reads an answer of /extract: one line of JSON, a record.
func (r reply) record(t testing.TB) record.Record {
	t.Helper()
	if !strings.HasSuffix(r.body, "}\n") || strings.Count(r.body, "\n") != 1 {
		t.Fatalf("the answer is not one line of JSON: %q", r.body)
	}
	if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type %q, want application/json", ct)
	}
	var rec record.Record
	if err := json.Unmarshal([]byte(r.body), &rec); err != nil {
		t.Fatalf("the answer is not a record: %v\n%s", err, r.body)
	}
	return rec
}

// wantSpeaker checks that rec holds the story's quote, said by Duarte.
func wantSpeaker(t *testing.T, rec record.Record) {
	t.Helper()
	if rec.Error != "" || len(rec.Quotes) != 1 || rec.Quotes[0].Speaker == nil || rec.Quotes[0].Speaker.Name == nil ||
		*rec.Quotes[0].Speaker.Name != "Elena Duarte" {
		t.Errorf("record %+v, want the quote of Elena Duarte", rec)
	}
}

func TestHealthz(t *testing.T) {
	ts, _ := start(t, testOptions(t))
	resp, err := http.Get(ts.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	if r := read(t, resp); r.status != 200 || r.body != `{"status":"ok"}`+"\n" {
		t.Errorf("GET /healthz: %d %q", r.status, r.body)
	}
}

// TestExtractTakesEveryBody checks that /extract answers the record of an
// article sent as text, HTML, JSON or a form.
func TestExtractTakesEveryBody(t *testing.T) {
	ts, _ := start(t, testOptions(t))
	page := "<html><head><title>Bridge reopens</title></head><body><article><h1>Bridge reopens</h1><p>“We owe the city a bridge it can trust,” Mayor Elena Duarte said on Monday.</p></article></body></html>"
	js, _ := json.Marshal(map[string]string{"text": story})
	jsHTML, _ := json.Marshal(map[string]string{"html": page, "url": "https://news.example/bridge"})
	form, formType := multipartBody(t, "file", "story.txt", story)
	for _, c := range []struct {
		name, contentType string
		body              io.Reader
		url               string
	}{
		{"text", "text/plain; charset=utf-8", strings.NewReader(story), ""},
		{"no type", "", strings.NewReader(story), ""},
		{"html", "text/html", strings.NewReader(page), ""},
		{"json text", "application/json", bytes.NewReader(js), ""},
		{"json html", "application/json", bytes.NewReader(jsHTML), "https://news.example/bridge"},
		{"form file", formType, form, ""},
		{"form text", "application/x-www-form-urlencoded", strings.NewReader("text=" + strings.ReplaceAll(story, "\n", "%0A")), ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := post(t, ts.URL+"/extract", c.contentType, c.body)
			if r.status != 200 {
				t.Fatalf("status %d: %s", r.status, r.body)
			}
			rec := r.record(t)
			wantSpeaker(t, rec)
			if rec.URL != c.url {
				t.Errorf("url %q, want %q", rec.URL, c.url)
			}
		})
	}
}

func multipartBody(t testing.TB, field, filename, content string) (io.Reader, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	var w io.Writer
	var err error
	if filename == "" {
		w, err = mw.CreateFormField(field)
	} else {
		w, err = mw.CreateFormFile(field, filename)
	}
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, content)
	mw.Close()
	return &b, mw.FormDataContentType()
}

// refusedURL is a loopback URL where nothing listens.
func refusedURL(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return "http://" + addr + "/story"
}

// TestErrors checks that each bad request is answered with an error
// record, {"source", "error"}, and the status that says what is wrong.
func TestErrors(t *testing.T) {
	opts := testOptions(t)
	ts, _ := start(t, opts)
	big := strings.Repeat("word ", int(opts.MaxBytes)/5+10)
	both, _ := json.Marshal(map[string]string{"text": story, "html": story})
	upload, uploadType := multipartBody(t, "file", "run.jsonl", `{"text": "x"}`)
	for _, c := range []struct {
		name, method, path, contentType string
		body                            io.Reader
		status                          int
		says                            string
	}{
		{"too large", "POST", "/extract", "text/plain", strings.NewReader(big), 413, "larger than the limit of 65536 bytes"},
		{"too large, no length", "POST", "/extract", "text/plain", io.MultiReader(strings.NewReader(big)), 413, "larger than the limit"},
		{"too large json", "POST", "/extract", "application/json", strings.NewReader(`{"text": "` + big + `"}`), 413, "larger than the limit"},
		{"bad json", "POST", "/extract", "application/json", strings.NewReader(`{"txt": 1}`), 400, "not a JSON object"},
		{"text and html", "POST", "/extract", "application/json", bytes.NewReader(both), 400, "not both"},
		{"empty json", "POST", "/extract", "application/json", strings.NewReader(`{}`), 400, `give "text", "html" or "url"`},
		{"not a url", "POST", "/extract", "application/json", strings.NewReader(`{"url": "file:///etc/passwd"}`), 400, "not an http or https URL"},
		{"unknown type", "POST", "/extract", "image/png", strings.NewReader("\x89PNG"), 415, "image/png cannot be read"},
		{"empty", "POST", "/extract", "text/plain", strings.NewReader(""), 422, ""},
		{"binary", "POST", "/extract", "", strings.NewReader("\x00\x01\x02\x03binary\x00"), 422, ""},
		{"jsonl upload", "POST", "/extract", uploadType, upload, 415, "run.jsonl: upload one HTML or text file"},
		{"no field", "POST", "/extract", "application/x-www-form-urlencoded", strings.NewReader("other=1"), 400, "fill one of the fields"},
		{"unreachable", "POST", "/extract", "application/json", strings.NewReader(`{"url": "` + refusedURL(t) + `"}`), 502, ""},
		{"get extract", "GET", "/extract", "", nil, 405, "use POST"},
		{"no page", "GET", "/nothing", "", nil, 404, "no such page"},
	} {
		t.Run(c.name, func(t *testing.T) {
			req, err := http.NewRequest(c.method, ts.URL+c.path, c.body)
			if err != nil {
				t.Fatal(err)
			}
			if c.contentType != "" {
				req.Header.Set("Content-Type", c.contentType)
			}
			if c.name == "too large, no length" {
				req.ContentLength = -1
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			r := read(t, resp)
			rec := r.record(t)
			if r.status != c.status || rec.Error == "" || !strings.Contains(rec.Error, c.says) || rec.Source == "" {
				t.Errorf("status %d, record %s; want %d and an error that says %q", r.status, r.body, c.status, c.says)
			}
			if strings.Contains(r.body, `"text"`) {
				t.Errorf("an error record holds more than source and error: %s", r.body)
			}
		})
	}
}

// TestConcurrentRequests sends more requests at once than there are
// workers: every one is answered with its own record.
func TestConcurrentRequests(t *testing.T) {
	ts, _ := start(t, testOptions(t))
	const n = 12
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Go(func() {
			text := strings.Replace(story, "Monday", fmt.Sprintf("day %d", i), 1)
			resp, err := http.Post(ts.URL+"/extract", "text/plain", strings.NewReader(text))
			if err != nil {
				errs <- err
				return
			}
			var rec record.Record
			err = json.NewDecoder(resp.Body).Decode(&rec)
			resp.Body.Close()
			switch {
			case err != nil:
				errs <- err
			case resp.StatusCode != 200 || !strings.Contains(rec.Text, fmt.Sprintf("day %d.", i)) || len(rec.Quotes) != 1:
				errs <- fmt.Errorf("request %d: status %d, record %+v", i, resp.StatusCode, rec)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestBusy checks that a request that finds no worker free within its time
// limit is answered 503.
func TestBusy(t *testing.T) {
	opts := testOptions(t)
	opts.Jobs, opts.TimeLimit = 1, 200*time.Millisecond
	ts, s := start(t, opts)
	s.slots <- struct{}{} // the one worker is busy
	defer func() { <-s.slots }()
	r := post(t, ts.URL+"/extract", "text/plain", strings.NewReader(story))
	if rec := r.record(t); r.status != 503 || !strings.Contains(rec.Error, "busy") {
		t.Errorf("status %d, %s; want 503, busy", r.status, r.body)
	}
}

// slowSite is a site whose page is answered after wait, or when the test
// ends.
func slowSite(t *testing.T, wait time.Duration) *httptest.Server {
	done := make(chan struct{})
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(wait):
		case <-done:
		case <-r.Context().Done():
		}
		w.Header().Set("Content-Type", "text/plain")
		io.WriteString(w, story)
	}))
	t.Cleanup(func() { close(done); site.Close() })
	return site
}

// TestTimeLimit checks that a request that takes longer than the time
// limit is answered 504 soon after it.
func TestTimeLimit(t *testing.T) {
	opts := testOptions(t)
	opts.TimeLimit = 300 * time.Millisecond
	ts, _ := start(t, opts)
	site := slowSite(t, time.Hour)
	began := time.Now()
	resp, err := http.Get(ts.URL + "/view?url=" + site.URL + "/story")
	if err != nil {
		t.Fatal(err)
	}
	r := read(t, resp)
	if r.status != 504 || !strings.Contains(r.body, "gave up after 300ms") {
		t.Errorf("status %d, %s; want 504, gave up", r.status, r.body)
	}
	if took := time.Since(began); took > opts.TimeLimit+stopWait+2*time.Second {
		t.Errorf("the answer took %s", took)
	}
}

// TestFetchesAURL checks that /extract and /view read a page at a URL.
func TestFetchesAURL(t *testing.T) {
	ts, _ := start(t, testOptions(t))
	site := slowSite(t, 0)
	r := post(t, ts.URL+"/extract", "application/json", strings.NewReader(`{"url": "`+site.URL+`/story"}`))
	rec := r.record(t)
	wantSpeaker(t, rec)
	if rec.Source != site.URL+"/story" {
		t.Errorf("source %q, want the URL", rec.Source)
	}
	resp, err := http.Get(ts.URL + "/view?url=" + site.URL + "/story")
	if err != nil {
		t.Fatal(err)
	}
	if v := read(t, resp); v.status != 200 || !strings.Contains(v.body, `<span class="who-name">Elena Duarte</span>`) {
		t.Errorf("GET /view?url=: %d\n%s", v.status, v.body)
	}
}

// TestLocalOnly checks that a server on loopback answers only requests
// addressed to localhost.
func TestLocalOnly(t *testing.T) {
	ts, _ := start(t, testOptions(t))
	for host, want := range map[string]int{"attacker.example": 421, "localhost:8080": 200, "127.0.0.1": 200, "[::1]:80": 200, "localhost.": 200} {
		req, _ := http.NewRequest("GET", ts.URL+"/healthz", nil)
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		if r := read(t, resp); r.status != want {
			t.Errorf("Host %s: status %d, want %d (%s)", host, r.status, want, r.body)
		}
	}
}

// TestForm checks the form and the view it sends a pasted text to.
func TestForm(t *testing.T) {
	ts, _ := start(t, testOptions(t))
	resp, err := http.Get(ts.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	if r := read(t, resp); r.status != 200 || !strings.Contains(r.body, `<form method="post" action="/view"`) ||
		!strings.Contains(r.body, ts.URL+"/extract") {
		t.Errorf("GET /: %d\n%s", r.status, r.body)
	}
	body, ct := multipartBody(t, "text", "", story)
	r := post(t, ts.URL+"/view", ct, body)
	if r.status != 200 || !strings.Contains(r.body, `<span class="who-name">Elena Duarte</span>`) || !strings.Contains(r.body, `href="/"`) {
		t.Errorf("POST /view: %d\n%s", r.status, r.body)
	}
	body, ct = multipartBody(t, "text", "", "")
	if r := post(t, ts.URL+"/view", ct, body); r.status != 400 || !strings.Contains(r.body, "fill one of the fields") {
		t.Errorf("POST /view with no field: %d\n%s", r.status, r.body)
	}
}

// TestShutdown checks that Serve, once its context ends, answers the
// requests in flight, takes no new ones, and returns.
func TestShutdown(t *testing.T) {
	s, err := newServer(testOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- Serve(ctx, ln, s.handler()) }()
	site := slowSite(t, 500*time.Millisecond)
	answered := make(chan reply, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String() + "/view?url=" + site.URL + "/story")
		if err != nil {
			answered <- reply{body: err.Error()}
			return
		}
		answered <- read(t, resp)
	}()
	time.Sleep(200 * time.Millisecond) // the request is in flight
	cancel()
	if r := <-answered; r.status != 200 {
		t.Errorf("the request in flight: %d %s", r.status, r.body)
	}
	if err := <-served; err != nil {
		t.Errorf("Serve: %v", err)
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/healthz"); err == nil {
		t.Error("the server still answers after it stopped")
	}
}

// TestSlowUpload checks that a request whose body is still coming in when
// its time limit passes is answered then, without waiting for the rest.
func TestSlowUpload(t *testing.T) {
	opts := testOptions(t)
	opts.TimeLimit = 300 * time.Millisecond
	ts, _ := start(t, opts)
	pr, pw := io.Pipe()
	defer pw.Close()
	go io.WriteString(pw, "The first words of a story that never ends")
	answered := make(chan reply, 1)
	go func() {
		req, _ := http.NewRequest("POST", ts.URL+"/extract", pr)
		req.Header.Set("Content-Type", "text/plain")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			answered <- reply{body: err.Error()}
			return
		}
		answered <- read(t, resp)
	}()
	select {
	case r := <-answered:
		if r.status != http.StatusRequestTimeout || !strings.Contains(r.body, "not sent within 300ms") {
			t.Errorf("status %d, %s; want 408, not sent in time", r.status, r.body)
		}
	case <-time.After(opts.TimeLimit + stopWait + 3*time.Second):
		t.Fatal("no answer to a request whose body never ends")
	}
}
