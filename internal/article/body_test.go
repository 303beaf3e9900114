package article

import (
	"strings"
	"testing"
)

// prose is a paragraph long enough to count as article prose.
const prose = "The council met on Tuesday evening, and after a long debate it voted to keep the library open on Sundays."

func TestBodyText(t *testing.T) {
	tests := []struct {
		name, page  string
		want, avoid []string
	}{{
		name: "navigation, footer and comments go",
		page: `<nav><p>` + prose + ` (menu)</p></nav><article><h1>Library</h1><p>` + prose + `</p><p>` + prose + `</p></article>
			<div id="comments"><p>` + prose + ` (comment one)</p><p>` + prose + ` (comment two)</p><p>` + prose + ` (comment three)</p></div>
			<footer><p>` + prose + ` (footer)</p></footer>`,
		want:  []string{prose + "\n\n" + prose},
		avoid: []string{"menu", "comment", "footer", "Library"},
	}, {
		name:  "a form that wraps the whole page stays",
		page:  `<form><div class="story"><p>` + prose + `</p><p>` + prose + `</p></div></form>`,
		want:  []string{prose + "\n\n" + prose},
		avoid: nil,
	}, {
		name: "a sign-up box goes with its heading and small print, but a form in a paragraph's block takes no paragraph",
		page: `<div class="text"><p>` + prose + `</p><section><div><div>Deals in your inbox</div><div>Get our picks texted to your phone!</div></div>
			<form><input type="email" placeholder="Email"><input type="tel"></form><div>By signing up, you agree to receive messages (small print).</div></section>
			<p>` + prose + ` (second)</p><div><p>` + prose + ` (third)</p><input type="email"></div></div>`,
		want:  []string{prose + "\n\n" + prose + " (second)\n\n" + prose + " (third)"},
		avoid: []string{"Deals in your inbox", "texted", "small print"},
	}, {
		name:  "lines broken by br are prose",
		page:  `<div class="text">` + prose + `<br>` + prose + `</div><div><a href="/a">Home</a></div>`,
		want:  []string{prose + "\n\n" + prose},
		avoid: []string{"Home"},
	}, {
		name: "a list of links is not the article, even with long titles",
		page: `<div><p>` + prose + `</p><p>` + prose + `</p></div><aside><ul>
			<li><a href="/1"><span>` + prose + ` (related)</span></a></li>
			<li><a href="/2"><span>` + prose + ` (more related)</span></a></li>
			<li><a href="/3"><span>` + prose + ` (still related)</span></a></li></ul></aside>`,
		want:  []string{prose},
		avoid: []string{"related"},
	}, {
		name:  "hidden blocks go, but not blocks streamed in for scripts to place",
		page:  `<div hidden id="S:0"><p>` + prose + `</p><p>` + prose + `</p></div><div style="display: none"><p>` + prose + ` (hidden)</p></div>`,
		want:  []string{prose},
		avoid: []string{"hidden"},
	}, {
		name: "figures go with their captions, but not tables and code set as figures",
		page: `<p>` + prose + `</p><figure><img src="a.jpg"><figcaption>` + prose + ` (caption)</figcaption></figure>
			<figure class="table"><table><tr><th>Year</th><th>Visitors</th></tr><tr><td>2024</td><td>12,000</td></tr></table></figure>
			<pre><code><span class="hljs-comment"># count the visitors</span>
wc -l visitors.csv</code></pre>`,
		want:  []string{prose, "Year\tVisitors\n\n2024\t12,000", "# count the visitors\nwc -l visitors.csv"},
		avoid: []string{"caption"},
	}, {
		name: "class words that name a post's terms or deny a word do not make it furniture",
		page: `<div class="post tag-social-media entry-category-sidebar-recipes"><p>` + prose + `</p><p>` + prose + `</p></div>
			<div class="row non-paywall"><p>` + prose + ` (open to all)</p></div>
			<div class="social"><p>` + prose + ` (share)</p></div><div><p>` + prose + ` (other)</p></div><div><p>` + prose + ` (more)</p></div><div><p>` + prose + ` (yet more)</p></div>`,
		want:  []string{prose + "\n\n" + prose, "(open to all)"},
		avoid: []string{"(share)"},
	}, {
		name: "a class word that says a part is off (sidebar-enabled--false) names no furniture, in the descent either",
		page: `<div class="wrap"><div class="post__main sidebar-enabled--false"><p>` + prose + ` (one)</p><p>` + prose + ` (two)</p></div>
			<div class="post__list">` + strings.Repeat(`<p>`+prose+` (list)</p>`, 5) + `</div></div>`,
		want: []string{"(one)", "(two)", "(list)"},
	}, {
		name: "a tooltip's text, hidden until the pointer rests on its word, is not the article's",
		page: `<div class="post"><p>` + prose + ` (one)</p><div class="post-meta">By Ann Lee<div class="tooltip-content"><p>` + prose + ` (bio)</p></div></div>
			<p>` + prose + ` (two)</p><p>` + prose + ` (three)</p><span class="popover">` + prose + ` (term)</span></div>`,
		want:  []string{"(one)", "(two)", "(three)"},
		avoid: []string{"(bio)", "(term)"},
	}, {
		name: "a person's card (hCard, \"vcard\") after the post is not the article",
		page: `<div class="post"><p>` + prose + ` (one)</p><p>` + prose + ` (two)</p><p>` + prose + ` (three)</p>
			<section class="vcard"><p>` + prose + ` (card)</p></section></div>`,
		want:  []string{"(one)", "(two)", "(three)"},
		avoid: []string{"(card)"},
	}, {
		name: "an element inside a sentence is part of it, whatever its class says",
		page: `<div class="post"><p>The council, led by <span class="author vcard">Ann Lee</span>, kept the <span class="tooltip">levy</span> at two per cent. ` + prose + `</p>
			<p>` + prose + `</p><p>` + prose + `</p></div>`,
		want: []string{"The council, led by Ann Lee, kept the levy at two per cent."},
	}, {
		name: "a person's card marked with schema.org's Person goes, a name so marked in a sentence stays",
		page: `<div class="post"><p>The mayor, <span itemscope itemtype="https://schema.org/Person">Ann Lee</span>, spoke first. ` + prose + `</p><p>` + prose + ` (two)</p><p>` + prose + ` (three)</p>
			<div itemscope itemtype="http://schema.org/Person"><p>` + prose + ` (card)</p></div></div>`,
		want:  []string{"The mayor, Ann Lee, spoke first.", "(two)", "(three)"},
		avoid: []string{"(card)"},
	}, {
		name: "what a reader must open to see (a lightbox, an overlay, a drop-down) is not the article's",
		page: `<div class="post"><p>` + prose + ` (one)</p><div class="lightbox-wrap"><p>` + prose + ` (big picture)</p></div><p>` + prose + ` (two)</p>
			<div class="author-dropdown"><p>` + prose + ` (menu)</p></div><p>` + prose + ` (three)</p><div class="video-overlay"><p>` + prose + ` (promo)</p></div></div>`,
		want:  []string{"(one)", "(two)", "(three)"},
		avoid: []string{"(big picture)", "(menu)", "(promo)"},
	}, {
		name: "a copyright line set apart is not the article's",
		page: `<div class="post"><p>` + prose + ` (one)</p><p>` + prose + ` (two)</p><p>` + prose + ` (three)</p>
			<div class="copyright-txt"><p>Material protected by copyright: no part may be copied without the publisher's leave (notice).</p></div></div>`,
		want:  []string{"(one)", "(two)", "(three)"},
		avoid: []string{"(notice)"},
	}, {
		name: "sections with the class of the one that holds the headline are the article's, whatever words the class holds",
		page: `<div class="page"><div class="box-nav-section"><h1>Library hours</h1><p>` + prose + ` (lead)</p></div>
			<div class="box-nav-section"><p>` + prose + ` (one)</p><p>` + prose + ` (two)</p></div>
			<div class="box-nav-section"><p>` + prose + ` (three)</p></div>
			<div class="box-nav-menu"><p>` + prose + ` (menu)</p></div>` + strings.Repeat(`<div><p>`+prose+` (other)</p></div>`, 4) + `</div>`,
		want:  []string{"(one)", "(two)", "(three)"},
		avoid: []string{"(menu)"},
	}, {
		name: "a badge (a label pinned on a pick or a card) is not the article's text",
		page: `<div class="post"><p>` + prose + ` (one)</p><div class="pick"><span class="pick-badge">Best overall</span><p>` + prose + ` (two)</p></div>
			<p>` + prose + ` (three)</p></div>`,
		want:  []string{"(one)", "(two)", "(three)"},
		avoid: []string{"Best overall"},
	}, {
		name: "a breaker, the box that breaks into the text (an offer, a log-in wall), is not the article's",
		page: `<div class="post"><p>` + prose + ` (one)</p><p>` + prose + ` (two)</p><div class="content-breaker"><p>Already a member? Log in to read on, or join today for the price of a coffee a week (offer).</p></div>
			<p>` + prose + ` (three)</p></div>`,
		want:  []string{"(one)", "(two)", "(three)"},
		avoid: []string{"(offer)"},
	}, {
		name: "a body set in two blocks of one class around an advertisement is one article",
		page: `<div class="story"><div class="article__body"><p>` + prose + ` (part one)</p></div><div class="ad-slot"><p>` + prose + ` (advert)</p></div>
			<div class="article__body"><p>` + prose + ` (part two)</p><p>` + prose + ` (part two, again)</p></div></div><div><p>` + prose + ` (elsewhere)</p></div>`,
		want:  []string{"(part one)", "(part two)", "(part two, again)"},
		avoid: []string{"(advert)", "(elsewhere)"},
	}, {
		name: "an element that holds several marked ones is a listing, not the article",
		page: `<div><div class="entry-content"><article><p>` + prose + ` (story)</p><p>` + prose + `</p><p>` + prose + `</p></article>
			<article><p>` + prose + ` (teaser)</p></article></div><div><p>` + prose + ` (box)</p><p>` + prose + ` (box)</p></div></div>`,
		want:  []string{"(story)"},
		avoid: []string{"(teaser)"},
	}, {
		name: "a comments heading marked as comments still ends the article before an unmarked thread",
		page: `<div><p>` + prose + ` (story)</p><p>` + prose + `</p><h2 id="comments">3 Comments</h2>
			<div id="c1"><p>` + prose + ` (first comment)</p></div><div id="c2"><p>` + prose + ` (second comment)</p></div></div>`,
		want:  []string{"(story)"},
		avoid: []string{"comment)", "Comments"},
	}, {
		name:  "a share heading above the text ends nothing",
		page:  `<div><h3>Share this article</h3><p>` + prose + ` (one)</p><p>` + prose + ` (two)</p><p>` + prose + ` (three)</p></div>`,
		want:  []string{"(one)", "(two)", "(three)"},
		avoid: []string{"Share this"},
	}, {
		name: "one long paragraph is not the whole article: its neighbours stay",
		page: `<div class="post"><p>` + strings.Repeat(prose+`<br>`, 9) + `</p><h3>Later that week</h3><p>The library also opened a reading room for children on the first floor.</p></div>`,
		want: []string{"Later that week", "reading room for children"},
	}, {
		name: "a long text in a block marked only as a caption is prose, a short caption is not",
		page: `<div class="post"><div class="caption-image"><img src="a.jpg">` + strings.Repeat(prose+" ", 4) + `(long)</div>
			<div class="caption"><p>` + prose + ` (short caption)</p></div>` + strings.Repeat(`<p>`+prose+`</p>`, 6) + `</div>`,
		want:  []string{"(long)"},
		avoid: []string{"(short caption)"},
	}, {
		name: "a side bar and a comment thread longer than a short post are passed over",
		page: `<div id="page"><div class="post"><h2>Library hours</h2><p>` + prose + ` (post)</p></div>
			<div id="sidebar2"><div class="widget"><p>` + prose + ` (about me)</p><p>` + prose + ` (about me, more)</p></div></div>
			<div id="postComments"><div><p>` + prose + ` (comment)</p></div><div><p>` + prose + ` (comment)</p></div><div><p>` + prose + ` (comment)</p></div></div></div>`,
		want:  []string{"(post)"},
		avoid: []string{"(about me", "(comment)"},
	}, {
		name: "a layout with a side bar is not furniture",
		page: `<div class="content-has-sidebar"><div class="story"><p>` + prose + ` (one)</p><p>` + prose + ` (two)</p><p>` + prose + ` (three)</p></div>
			<div class="more"><p>` + prose + ` (box)</p></div></div>`,
		want: []string{"(one)", "(two)", "(three)"},
	}, {
		name: "the lead before the block that holds the rest of the text is part of the article",
		page: `<div class="wrap"><div class="intro"><p>A notice about this site that readers see on every page, whatever they read.</p></div>
			<div class="head"><p>A printed notice before the headline, on every article of the site.</p><h1>Library hours</h1>
			<p class="teaser-text">The library will open on Sundays from next month, after a long campaign by readers.</p></div>
			<div class="text">` + strings.Repeat(`<p>`+prose+`</p>`, 12) + `</div></div>`,
		want:  []string{"The library will open on Sundays from next month, after a long campaign by readers.\n\n" + prose},
		avoid: []string{"notice"},
	}, {
		name: "an id that is a slug of the element's own heading names nothing",
		page: `<div class="post"><p>` + prose + `</p><section id="menu-for-a-week-of-dinners"><h2>Menu for a week of dinners</h2><p>` + prose + ` (menu)</p></section>` +
			strings.Repeat(`<p>`+prose+`</p>`, 3) + `</div>`,
		want: []string{"(menu)"},
	}, {
		name: "the hidden panels of an accordion are the text a reader opens",
		page: `<div class="guide"><p>` + prose + ` (intro)</p><button aria-controls="part-2" aria-expanded="false">Part two</button>
			<div id="part-2" hidden><p>` + prose + ` (part two)</p></div><div style="display:none"><p>` + prose + ` (stray)</p></div>` +
			strings.Repeat(`<p>`+prose+`</p>`, 3) + `</div>`,
		want:  []string{"(part two)"},
		avoid: []string{"(stray)"},
	}, {
		name:  "a long sentence that starts as a furniture line does is prose",
		page:  `<div><p>` + prose + `</p><p>Click here.</p><p>Click here to read the council's full report, which sets out why the library should stay open on Sundays.</p><p>` + prose + `</p></div>`,
		want:  []string{"Click here to read the council's full report"},
		avoid: []string{"Click here."},
	}, {
		name: "a row of teaser cards beside a short article is not part of it",
		page: `<div class="page"><div class="story"><p>` + prose + ` (story)</p><p>` + prose + ` (story, more)</p><p>` + prose + `</p></div>
			<div class="grid">` + strings.Repeat(`<div class="card"><h3><a href="/x">Another story</a></h3><p>`+prose+` (teaser)</p></div>`, 4) + `</div></div>`,
		want:  []string{"(story)", "(story, more)"},
		avoid: []string{"(teaser)", "Another story"},
	}, {
		name: "sections of one class beside a longer one of that class are the article's parts, not cards",
		page: `<div class="page"><div class="part"><h2>One</h2><p>` + prose + ` (one)</p><p><a href="/1">More</a> on one</p></div>
			<div class="part"><h2>Two</h2>` + strings.Repeat(`<p>`+prose+` (two)</p>`, 8) + `</div>
			<div class="part"><h2>Three</h2><p>` + prose + ` (three)</p><p><a href="/3">More</a> on three</p></div>
			<div class="part"><h2>Four</h2><p>` + prose + ` (four)</p><p><a href="/4">More</a> on four</p></div></div>`,
		want: []string{"(one)", "(two)", "(three)", "(four)"},
	}, {
		name: "a class that names the article's text outweighs furniture words beside it, and a paywall holds the article",
		page: `<div class="single-article-content nav-single"><p>` + prose + ` (one)</p><p>` + prose + ` (two)</p></div>
			<div class="steady-paywall-container"><p>` + prose + ` (three)</p></div>` + strings.Repeat(`<div><p>`+prose+` (other)</p></div>`, 4),
		want: []string{"(one)", "(two)", "(three)"},
	}, {
		name: "a marked article beside teasers of other stories is the body",
		page: `<div><article><p>` + prose + `</p><p>` + prose + `</p><p>` + prose + `</p></article>
			<div class="more"><h3>Elsewhere</h3><div><p>` + prose + ` (teaser one)</p></div><div><p>` + prose + ` (teaser two)</p></div></div></div>`,
		want:  []string{prose + "\n\n" + prose + "\n\n" + prose},
		avoid: []string{"teaser", "Elsewhere"},
	}, {
		name:  "a marked element with little of the prose is not the body",
		page:  `<div><div class="entry-content"><p>` + prose + ` (lead)</p></div><p>` + prose + ` (one)</p><p>` + prose + ` (two)</p><p>` + prose + ` (three)</p></div>`,
		want:  []string{"(lead)", "(one)", "(two)", "(three)"},
		avoid: nil,
	}, {
		name: "a heading of related stories ends the block it opens, and the rest of its section",
		page: `<div><p>` + prose + ` (one)</p><p>` + prose + ` (two)</p>
			<section><p>` + prose + ` (three)</p><h3>About the author</h3><p>` + prose + ` (bio)</p></section>
			<p>` + prose + ` (four)</p>
			<div><div class="widget"><h2>Latest News</h2></div><div class="widget"><p>` + prose + ` (teaser)</p></div></div>
			<p>` + prose + ` (testimonial)</p></div>`,
		want:  []string{"(one)", "(two)", "(three)", "(four)"},
		avoid: []string{"Latest", "teaser", "About", "bio", "testimonial"},
	}, {
		name: "an author's box after the post goes, but a theme's author class on the post does not",
		page: `<div class="hentry post author-admin"><p>` + prose + ` (one)</p><p>` + prose + ` (two)</p>
			<div class="post-author"><p>` + prose + ` (bio)</p></div></div>` + strings.Repeat(`<div><p>`+prose+` (other)</p></div>`, 5),
		want:  []string{"(one)", "(two)"},
		avoid: []string{"(bio)"},
	}, {
		name: "a column named for the side bar beside it that holds the article's text stays",
		page: `<div class="grid-content-sidebar"><div class="article-body"><p>` + prose + ` (one)</p><p>` + prose + ` (two)</p></div></div>
			<div hidden id="S:1"><p>` + prose + ` (three)</p><p>` + prose + ` (four)</p><p>` + prose + ` (five)</p></div>`,
		want: []string{"(one)", "(two)", "(five)"},
	}, {
		name:  "furniture lines go: contents, reading time, bylines set apart",
		page:  `<div><p>Table of Contents</p><p>5 min read</p><p>Written by</p><p>` + prose + `</p><p>Sponsored</p><p>` + prose + `</p></div>`,
		want:  []string{prose + "\n\n" + prose},
		avoid: []string{"Contents", "read", "Written", "Sponsored"},
	}, {
		name: "stories run one after another as the reader scrolls: the one with the page's headline is the article, not the longest",
		page: `<title>Library stays open</title><div class="feed"><div class="scroll"><article class="story"><h1>Library stays open</h1><p>` + prose + ` (one)</p><p>` + prose + ` (two)</p></article></div>
			<div class="scroll"><article class="story"><h1>Bridge to close</h1>` + strings.Repeat(`<p>`+prose+` (next story)</p>`, 6) + `</article></div></div>`,
		want:  []string{"(one)", "(two)"},
		avoid: []string{"(next story)"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := FromHTML([]byte("<html><body>"+tt.page+"</body></html>"), "", "")
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(a.Text, w) {
					t.Errorf("text lacks %q\ntext: %q", w, a.Text)
				}
			}
			for _, w := range tt.avoid {
				if strings.Contains(a.Text, w) {
					t.Errorf("text holds %q\ntext: %q", w, a.Text)
				}
			}
		})
	}
}

// padding pushes a page's first non-ASCII byte beyond the 1024 bytes that
// HTML's encoding sniffing looks at.
var padding = "<!--" + strings.Repeat(" padding", 130) + " -->"

// TestRendering reads text as a person sees it: without soft hyphens,
// without the readings of ruby annotations, with a letter and its accent
// written apart as one letter (NFC), with text that the page holds decoded
// twice repaired.
func TestRendering(t *testing.T) {
	page := "<article><p>The re\u00adfer&shy;en&#173;dum " + prose + `</p><p><ruby>東<rp>(</rp><rt>とう</rt><rp>)</rp>京<rt>きょう</rt></ruby>の` + prose + `</p><p>Zu` + "\u0308" + `rich ` + prose +
		"</p><p>The mayorâ€™s cafÃ© " + prose + `</p></article>`
	a, err := FromHTML([]byte(page), "", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"The referendum " + prose, "東京の" + prose, "Zürich", "The mayor’s café " + prose} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("text %q lacks %q", a.Text, want)
		}
	}
}

// TestCommasOfOtherScripts counts the commas of Chinese, Japanese and
// Arabic as prose evidence, as ASCII commas are.
func TestCommasOfOtherScripts(t *testing.T) {
	for _, s := range []string{"一，二，三", "一、二、三", "واحد، اثنان، ثلاثة"} {
		if got := commas(s); got != 2 {
			t.Errorf("commas(%q) = %d, want 2", s, got)
		}
	}
}

func TestCharacterSet(t *testing.T) {
	tests := []struct {
		name, contentType string
		page              []byte
		want              string
	}{
		{"UTF-8 without a declaration, first beyond 1024 bytes", "", []byte(padding + "<p>\u201cIt\u2019s open,\u201d she said of the caf\u00e9 that " + prose + "</p>"), "\u201cIt\u2019s open,\u201d she said of the caf\u00e9"},
		{"UTF-8 labelled Latin-1", "", []byte(`<meta charset="iso-8859-1"><p>It` + "\u2019" + `s the caf` + "\u00e9" + ` that ` + prose + `</p>`), "It\u2019s the caf\u00e9"},
		{"Latin-1 declared in a meta tag", "", []byte("<meta charset=\"iso-8859-1\"><p>The caf\xe9 that " + prose + "</p>"), "The caf\u00e9"},
		{"Latin-1 declared in the header", "text/html; charset=ISO-8859-1", []byte("<p>The caf\xe9 that " + prose + "</p>"), "The caf\u00e9"},
		{"Shift_JIS declared in a meta tag", "", append([]byte(`<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><p>`),
			"\x93\xfa\x96\x7b\x8c\xea\x82\xcc\x8b\x4c\x8e\x96\x82\xc5\x82\xb7\x81\x42 "+prose+"</p>"...), "日本語の記事です。"},
		{"undeclared bytes that are not UTF-8", "", []byte("<p>The caf\xe9 that " + prose + "</p>"), "The caf\u00e9"},
		{"GB2312 declared after the first 1024 bytes", "", append([]byte("<html><head>"+padding+`<meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>`),
			"\xd6\xd0\xce\xc4\xd0\xc2\xce\xc5\xa3\xac "+prose+"</p>"...), "中文新闻，"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := FromHTML(tt.page, tt.contentType, "")
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(a.Text, tt.want) {
				t.Errorf("text %q lacks %q", a.Text, tt.want)
			}
		})
	}
}
