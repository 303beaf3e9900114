package article

import (
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/google/go-cmp/cmp"
)

// metaOf reads the metadata of an HTML snippet.
func metaOf(t *testing.T, page, pageURL string) *meta {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return readMeta(doc, pageURL)
}

// metaWant is what a page's metadata should say.
type metaWant struct {
	title     string
	authors   []string
	published string
}

func TestReadMeta(t *testing.T) {
	tests := []struct {
		name string
		page string
		url  string
		want metaWant
	}{{
		name: "JSON-LD graph with author array and references",
		page: `<html><head><title>Owls at Night | Daily Bugle</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebPage","@id":"https://bugle.test/owls#page","datePublished":"2023-01-01"},
 {"@type":"NewsArticle","headline":"Owls at Night","datePublished":"2024-05-06T08:00:00+02:00",
  "dateModified":"2024-05-09T10:00:00+02:00",
  "author":[{"@id":"https://bugle.test/#/person/1"},{"@type":"Person","name":"Ben Ortiz"},{"@type":"Organization","name":"Bugle Wire"}],
  "publisher":{"@type":"Organization","name":"Daily Bugle"}},
 {"@type":"Person","@id":"https://bugle.test/#/person/1","name":"Ann Lee"}]}</script>
</head><body><h1>Owls at Night</h1><p>Owls hunt at night.</p></body></html>`,
		want: metaWant{title: "Owls at Night", authors: []string{"Ann Lee", "Ben Ortiz"}, published: "2024-05-06T08:00:00+02:00"},
	}, {
		name: "JSON-LD organization author only",
		page: `<script type="application/ld+json">[{"@type":"Article","headline":"Tide tables explained",
 "author":{"@type":"Organization","name":"Harbour Office"}}]</script><h1>Tide tables explained</h1>`,
		want: metaWant{title: "Tide tables explained", authors: []string{"Harbour Office"}},
	}, {
		name: "OpenGraph only",
		page: `<head><meta property="og:title" content="Council backs new bridge &#8211; final vote in May - City Times">
<meta property="og:site_name" content="City Times">
<meta property="article:published_time" content="2024-03-02T09:15:00Z">
<meta property="article:author" content="https://www.facebook.com/citytimes">
<meta name="author" content="Maria Gomez"></head><body><p>Text.</p></body>`,
		want: metaWant{title: "Council backs new bridge – final vote in May", authors: []string{"Maria Gomez"}, published: "2024-03-02T09:15:00Z"},
	}, {
		name: "no metadata at all",
		page: `<body><nav>Home News Sport</nav><h1>Storm closes coastal road</h1>
<p class="meta">By Jane Doe and John Roe</p><p>March 3, 2024</p><p>The road was shut on Sunday.</p></body>`,
		want: metaWant{title: "Storm closes coastal road", authors: []string{"Jane Doe", "John Roe"}, published: "2024-03-03"},
	}, {
		name: "byline text with a date and a job title",
		page: `<h1>Rates held again</h1><div class="byline"><span>By</span> <a href="/staff/kim">Kim Park</a>
<span>Senior Economics Reporter</span> <time>3 April 2024</time></div><p>Body.</p>`,
		want: metaWant{title: "Rates held again", authors: []string{"Kim Park"}, published: "2024-04-03"},
	}, {
		name: "title with a site suffix",
		page: `<head><title>Ten tips for spring gardens | Green Weekly</title></head><body><p>x</p></body>`,
		want: metaWant{title: "Ten tips for spring gardens"},
	}, {
		name: "title with a site prefix and the site's host",
		page: `<head><title>Green Weekly: Ten tips for spring gardens</title>
<meta property="og:site_name" content="Green Weekly"></head>`,
		want: metaWant{title: "Ten tips for spring gardens"},
	}, {
		name: "headline preferred to a differently worded SEO title",
		page: `<head><meta property="og:title" content="Spring garden tips: ten ideas for 2024 | Green Weekly"></head>
<body><h1>Green Weekly</h1><h1>Ten spring garden tips for 2024</h1></body>`,
		want: metaWant{title: "Ten spring garden tips for 2024"},
	}, {
		name: "headline in capitals takes the title's case",
		page: `<head><meta property="og:title" content="How Rivers Shape Cities"></head><body><h1>HOW RIVERS SHAPE CITIES</h1></body>`,
		want: metaWant{title: "How Rivers Shape Cities"},
	}, {
		name: "headline in capitals keeps its words when the title has them in another order",
		page: `<head><meta property="og:title" content="Marathon Beginner Plan"></head><body><h1>BEGINNER MARATHON PLAN</h1></body>`,
		want: metaWant{title: "BEGINNER MARATHON PLAN"},
	}, {
		name: "headline in capitals takes the case of a title one word shorter",
		page: `<head><meta property="og:title" content="Best Drip Coffee Makers: Buying Tips From Coffee Pros"></head>
<body><h1>BEST DRIP COFFEE MAKERS IN 2026: BUYING TIPS FROM COFFEE PROS</h1></body>`,
		want: metaWant{title: "Best Drip Coffee Makers: Buying Tips From Coffee Pros"},
	}, {
		name: "headline that is the title's short part beside a long description",
		page: `<head><title>Ten tips for spring gardens | We write about gardens, balconies and window boxes, about what grows where and when, and about the people who grow it</title></head>
<body><h1>Ten tips for spring gardens</h1></body>`,
		want: metaWant{title: "Ten tips for spring gardens"},
	}, {
		name: "line break inside the headline parts its words",
		page: `<head><meta property="og:title" content="Top tents of 2024"></head>
<body><h1>Top tents of 2024<br>Our guide to the best<script>var x;</script></h1></body>`,
		want: metaWant{title: "Top tents of 2024 Our guide to the best"},
	}, {
		name: "microdata author and published date",
		page: `<article><h1 itemprop="headline">Old mill reopens</h1>
<span itemprop="author" itemscope><span itemprop="name">Lars Berg</span></span>
<time itemprop="datePublished" datetime="2022-11-05">5 Nov</time></article>`,
		want: metaWant{title: "Old mill reopens", authors: []string{"Lars Berg"}, published: "2022-11-05"},
	}, {
		name: "updated date shown, publication date in metadata",
		page: `<head><meta property="article:published_time" content="2021-06-01">
<meta property="article:modified_time" content="2024-02-02"></head>
<body><h1>Guide to tents</h1><p>Updated: February 2, 2024</p></body>`,
		want: metaWant{title: "Guide to tents", published: "2021-06-01"},
	}, {
		name: "date in the address",
		page: `<head><link rel="canonical" href="https://news.test/2023/07/14/heat-wave-ends/"></head><h1>Heat wave ends</h1>`,
		want: metaWant{title: "Heat wave ends", published: "2023-07-14"},
	}, {
		name: "byline under the headline outranks a different meta author",
		page: `<head><meta name="author" content="Site Admin Team"></head>
<h1>Harbour dredging starts</h1><p>By Omar Haddad</p><p>Work began today.</p>`,
		want: metaWant{title: "Harbour dredging starts", authors: []string{"Omar Haddad"}},
	}, {
		name: "a date in the headline is not a dateline",
		page: `<head><meta property="article:published_time" content="2024-01-10"></head>
<h1>Vote set for March 5, 2024</h1><p>The date was fixed today.</p>`,
		want: metaWant{title: "Vote set for March 5, 2024", published: "2024-01-10"},
	}, {
		name: "dateline a day from the metadata's time keeps the time",
		page: `<head><meta property="article:published_time" content="2024-03-06T01:00:00Z"></head>
<h1>Late result</h1><p>March 5, 2024</p>`,
		want: metaWant{title: "Late result", published: "2024-03-06T01:00:00Z"},
	}, {
		name: "headline the title runs on from",
		page: `<head><meta property="og:title" content="Best tents of 2024"></head><h1>Best tents</h1>`,
		want: metaWant{title: "Best tents of 2024"},
	}, {
		name: "only headline unlike the metadata title",
		page: `<head><meta property="og:title" content="Tent buying guide"></head>
<h1>Menu</h1><h1>Find the right tent for every trip you plan</h1>`,
		want: metaWant{title: "Find the right tent for every trip you plan"},
	}, {
		name: "a meta property that lists several names gives its content to each",
		page: `<head><title>Home | Tide Tables</title><meta property="dc:title og:title" content="Tides explained">
<meta property="dc:creator og:site_name" content="Maya Ruiz"></head><body><p>The moon pulls the sea.</p></body>`,
		want: metaWant{title: "Tides explained", authors: []string{"Maya Ruiz"}},
	}, {
		name: "personal site's copyright holder",
		page: `<h1>Notes on caching</h1><p>Caches are hard.</p><footer>© 2019–2025 Jo Bloggs. All rights reserved.</footer>`,
		want: metaWant{title: "Notes on caching", authors: []string{"Jo Bloggs"}},
	}, {
		name: "company copyright is not an author",
		page: `<h1>Notes on caching</h1><p>Caches are hard.</p><footer>Copyright 2025 Acme Media Inc.</footer>`,
		want: metaWant{title: "Notes on caching"},
	}, {
		name: "a company's copyright is no author in other countries' forms either",
		page: `<h1>Notes on caching</h1><p>Caches are hard.</p><footer>©2025 Tosti Caffè SPA. All rights reserved</footer>`,
		want: metaWant{title: "Notes on caching"},
	}, {
		name: "byline written in a sentence",
		page: `<h1>Notes on caching</h1><p>Caches are hard.</p><div class="author-bio">This post was written by Jo Bloggs, head of research.</div>`,
		want: metaWant{title: "Notes on caching", authors: []string{"Jo Bloggs"}},
	}, {
		name: "reviewer is not an author",
		page: `<h1>Sleep and memory</h1><div class="article-byline"><span>Medically reviewed by</span> <span>Dr. Ada Fox</span></div>
<div class="author-name">Written by Tom Reed</div>`,
		want: metaWant{title: "Sleep and memory", authors: []string{"Tom Reed"}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := metaOf(t, tt.page, tt.url)
			got := metaWant{title: m.title(), authors: m.authors(), published: m.published()}
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(metaWant{})); diff != "" {
				t.Errorf("metadata (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSiteURLLanguage(t *testing.T) {
	m := metaOf(t, `<html lang="en-GB"><head><link rel="canonical" href="https://www.bugle.co.uk/a/b">
<meta property="og:site_name" content="The Bugle"></head></html>`, "")
	if got := m.site(); got != "The Bugle" {
		t.Errorf("site() = %q", got)
	}
	if got := m.url(); got != "https://www.bugle.co.uk/a/b" {
		t.Errorf("url() = %q", got)
	}
	if got := m.language(); got != "en" {
		t.Errorf("language() = %q", got)
	}
	if got := hostLabel(m.host()); got != "bugle" {
		t.Errorf("hostLabel() = %q", got)
	}
}

func TestCleanAuthors(t *testing.T) {
	tests := []struct {
		raw    []string
		strict bool
		want   []string
	}{
		{[]string{"By Jo Bloggs"}, false, []string{"Jo Bloggs"}},
		{[]string{"Von Jana Schubert"}, true, []string{"Jana Schubert"}},
		{[]string{"Par Claire Dubois et Marc Petit"}, true, []string{"Claire Dubois", "Marc Petit"}},
		{[]string{"Por María López"}, true, []string{"María López"}},
		{[]string{"Autorin: Jana Schubert"}, true, []string{"Jana Schubert"}},
		{[]string{"Von Miller"}, true, []string{"Von Miller"}},
		{[]string{"Jo Bloggs and Al Smith"}, false, []string{"Jo Bloggs", "Al Smith"}},
		{[]string{"Jo Bloggs, Al Smith & Bea Wu"}, false, []string{"Jo Bloggs", "Al Smith", "Bea Wu"}},
		{[]string{"https://example.test/jo", "Jo Bloggs", "jo bloggs"}, false, []string{"Jo Bloggs"}},
		{[]string{"Jo Bloggs, Senior Editor"}, true, []string{"Jo Bloggs"}},
		{[]string{"Jo Bloggs, Sr. Director of Operations"}, false, []string{"Jo Bloggs"}},
		{[]string{"Jo Bloggs, Political Reporter"}, false, []string{"Jo Bloggs"}},
		{[]string{"Jo Bloggs Senior Reporter"}, true, []string{"Jo Bloggs"}},
		{[]string{"Our Editors"}, false, []string{"Our Editors"}},
		{[]string{"Jo Bloggs | Updated May 2, 2024"}, true, []string{"Jo Bloggs"}},
		{[]string{"May 2, 2024 · Jo Bloggs"}, true, []string{"Jo Bloggs"}},
		{[]string{"Jo Bloggs for The Herald"}, true, []string{"Jo Bloggs"}},
		{[]string{"Center for Coastal Studies"}, false, []string{"Center for Coastal Studies"}},
		{[]string{", The Herald"}, false, nil},
		{[]string{"Share this article"}, true, nil},
		{[]string{"page.head.author"}, false, nil},
		{[]string{"1234567890"}, false, nil},
		{[]string{"Jo Bloggs, MS, RDN, LD"}, true, []string{"Jo Bloggs, MS, RDN, LD"}},
		{[]string{"Jo Bloggs, Ph.D., and Al Smith, MD"}, false, []string{"Jo Bloggs, Ph.D.", "Al Smith, MD"}},
		{[]string{"Member Login"}, true, nil},
		{[]string{"Dec. 19, 2025 · Jo Bloggs on behalf of"}, true, []string{"Jo Bloggs"}},
		{[]string{"Full Bio"}, false, nil},
		{[]string{"text: Jo Bloggs; design: Al Smith; Studio Nine"}, false, nil},
	}
	for _, tt := range tests {
		if got := cleanAuthors(tt.raw, tt.strict); !cmp.Equal(got, tt.want) {
			t.Errorf("cleanAuthors(%q, %v) = %q, want %q", tt.raw, tt.strict, got, tt.want)
		}
	}
}

func TestStripSiteName(t *testing.T) {
	names := []string{"Green Weekly", "greenweekly.test", "greenweekly"}
	tests := []struct{ in, want string }{
		{"Ten tips | Green Weekly", "Ten tips"},
		{"Green Weekly - Ten tips for spring", "Ten tips for spring"},
		{"Ten tips - GreenWeekly.test", "Ten tips"},
		{"Ten tips – part two | Garden | Green Weekly", "Ten tips – part two | Garden"},
		{"War and Peace: a reading guide", "War and Peace: a reading guide"},
		{"Ten tips for your spring garden | Ideas", "Ten tips for your spring garden"},
	}
	for _, tt := range tests {
		if got := stripSiteName(tt.in, names); got != tt.want {
			t.Errorf("stripSiteName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCleanMeta(t *testing.T) {
	tests := []struct{ in, want string }{
		{"And finally&#8230; trouble  brewing", "And finally… trouble brewing"},
		{"And finally&amp;#8230; trouble brewing", "And finally… trouble brewing"},
		{"AT&amp;T results", "AT&T results"},
		{"Q&A", "Q&A"},
	}
	for _, tt := range tests {
		if got := cleanMeta(tt.in); got != tt.want {
			t.Errorf("cleanMeta(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFixMojibake(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Investorâ€™s Guide", "Investor’s Guide"},
		{"MartÃ\u00adnez", "Martínez"},
		{"Café au lait", "Café au lait"},
		{"plain", "plain"},
	}
	for _, tt := range tests {
		if got := fixMojibake(tt.in); got != tt.want {
			t.Errorf("fixMojibake(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// filler returns n short paragraphs, to set a date far from the headline.
func filler(n int) string {
	return strings.Repeat("<p>More of the story.</p>", n)
}

func TestPublished(t *testing.T) {
	tests := []struct{ name, page, want string }{{
		name: "a date the page marks up and labels as its publication date outranks the metadata's",
		page: `<head><meta property="article:published_time" content="2025-11-29T12:28:31-05:00"></head>
<h1>Free ledgers</h1>` + strings.Repeat("<p>Bookkeeping can be cheap.</p>", 70) + `<div>Published <time pubdate datetime="2025-08-13">August 13, 2025</time></div>`,
		want: "2025-08-13",
	}, {
		name: "a marked-up publication date of the metadata's day keeps the metadata's time",
		page: `<script type="application/ld+json">{"@type":"Article","headline":"Free ledgers","datePublished":"2025-08-13T09:00:00Z"}</script>
<h1>Free ledgers</h1><p>Bookkeeping can be cheap.</p><div>Published <time pubdate datetime="2025-08-13">August 13, 2025</time></div>`,
		want: "2025-08-13T09:00:00Z",
	}, {
		name: "JSON-LD date the page does not show yields to the shown updated date",
		page: `<script type="application/ld+json">{"@type":"Article","headline":"Best tents",
 "datePublished":"2021-08-12T19:35:44Z","dateModified":"2025-02-22T10:00:00Z"}</script>
<h1>Best tents</h1><p>By Al Smith</p><p>Last updated: Feb 22, 2025</p><p>Tents keep you dry.</p>`,
		want: "2025-02-22",
	}, {
		name: "microdata datePublished the page does not show yields to the shown date, though that is the date of change",
		page: `<head><meta itemprop="datePublished" content="2012-09-12T16:45:28+00:00">
<meta itemprop="dateModified" content="2021-09-08T18:02:10+00:00"></head>
<h1>Riding the coast road</h1><p>Travel</p><p>September 8, 2021</p><p>The road winds.</p>`,
		want: "2021-09-08",
	}, {
		name: "JSON-LD date the page shows is kept over another shown date",
		page: `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Dam opens",
 "datePublished":"2024-05-06T08:00:00+02:00"}</script>
<h1>Dam opens</h1><p>Updated June 1, 2024</p><p>Published May 6, 2024</p>`,
		want: "2024-05-06T08:00:00+02:00",
	}, {
		name: "OpenGraph date is kept over a shown updated date, though JSON-LD gives it too",
		page: `<head><meta property="article:published_time" content="2020-03-10T15:30:00+00:00">
<script type="application/ld+json">{"@type":"Article","datePublished":"2020-03-10T15:30:00+00:00"}</script></head>
<h1>First trip to Japan</h1><p>Updated on March 1, 2025</p>`,
		want: "2020-03-10T15:30:00Z",
	}, {
		name: "the later of disagreeing meta and JSON-LD dates",
		page: `<head><meta property="article:published_time" content="2022-05-26T15:20:28Z">
<script type="application/ld+json">{"@type":"Article","datePublished":"2025-12-01"}</script></head>
<h1>Movers compared</h1><p>Text.</p>`,
		want: "2025-12-01",
	}, {
		name: "a time keeps its own offset",
		page: `<head><meta property="article:published_time" content="2024-05-06T23:30:00-07:00"></head><h1>Late vote</h1>`,
		want: "2024-05-06T23:30:00-07:00",
	}, {
		name: "a date in numbers read the way the metadata give",
		page: `<head><meta property="article:published_time" content="2024-09-10"></head>
<h1>Renovation stages</h1><p>10/09/2024</p>`,
		want: "2024-09-10",
	}, {
		name: "address with a month name",
		page: `<head><link rel="canonical" href="https://wine.test/blog/2023/october/03/wine-styles"></head>
<h1>Wine styles</h1><p>03/10/2023</p>`,
		want: "2023-10-03",
	}, {
		name: "a sentence saying when the article was first published",
		page: `<h1>Tiny homes</h1><p>Chris Carroll</p><p>30 Sep 2022, 11:07am</p>` + filler(5) +
			`<p>This article was originally published on 26 Sep 2019 at 4:12pm but has been updated since.</p>`,
		want: "2019-09-26",
	}, {
		name: "a date labelled Posted outranks a sentence about the first publication",
		page: `<h1>Journal indexes</h1>` + filler(70) +
			`<p>This post was originally published on the 21st of June 2017.</p><span>Posted on April 13, 2023</span>`,
		want: "2023-04-13",
	}, {
		name: "a date shown with an updated date far from the headline outranks the date of change",
		page: `<head><meta property="article:modified_time" content="2025-12-07T13:33:15Z"></head>
<h1>Five books on rivers</h1>` + filler(70) + `<p class="date">December 3, 2025. <i>Updated: December 7, 2025</i></p>`,
		want: "2025-12-03",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := metaOf(t, tt.page, "").published(); got != tt.want {
				t.Errorf("published() = %q, want %q", got, tt.want)
			}
		})
	}
}
