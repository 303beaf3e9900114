package article

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestAuthors(t *testing.T) {
	tests := []struct {
		name string
		page string
		want []string
	}{{
		name: "the site's name is left out of a list that names people",
		page: `<head><meta property="og:site_name" content="The Valley Courier">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Bridge reopens",
 "author":{"@type":"Person","name":"Ann Lee and Ben Ortiz, The Valley Courier"}}</script></head>
<body><h1>Bridge reopens</h1><p>The bridge reopened on Monday.</p></body>`,
		want: []string{"Ann Lee", "Ben Ortiz"},
	}, {
		name: "parts of the site's name split off a byline are left out too",
		page: `<head><meta property="og:site_name" content="Harbor Tax & Accounting"></head>
<body><h1>Filing season opens</h1><div class="byline">By Jo Bloggs, Tax & Accounting</div><p>Forms are out.</p></body>`,
		want: []string{"Jo Bloggs"},
	}, {
		name: "a byline near the headline confirms the metadata over the show's name under it",
		page: `<head><meta name="author" content="Carla Diaz"></head>
<body><h1>Teachers walk out</h1><div class="byline"><a href="/people/morning-edition">Morning Edition</a></div>
<p>Schools closed early.</p><div class="byline">By <a href="/people/carla-diaz">Carla Diaz</a></div>
<p>Teachers marched on Tuesday and the district said it would talk.</p></body>`,
		want: []string{"Carla Diaz"},
	}, {
		name: "a credits list in the metadata gives way to the byline",
		page: `<head><meta name="author" content="text: Studio Nine; design: Al Smith; code: Bea Wu"></head>
<body><h1>How we priced our plans</h1><p>Intro.</p><p>More.</p><p>Even more.</p><p>Last.</p><div class="author-name">By Dan Brook</div><p>Prices rose.</p></body>`,
		want: []string{"Dan Brook"},
	}, {
		name: "a label that names the writing, then the name",
		page: `<body><h1>Proofs a computer checks</h1><p>Lean is a language.</p><h2>Article written by:</h2><div>Ana Ruiz</div></body>`,
		want: []string{"Ana Ruiz"},
	}, {
		name: "a sponsor is no author",
		page: `<body><h1>Run your first marathon</h1><p>Start slow.</p><footer><span>Paid for by</span> <a href="/">Dairy Farmers Group</a></footer></body>`,
	}, {
		name: "credentials stay with the name",
		page: `<body><h1>Eating well on a budget</h1><div class="byline">By Lena Hart, MS, RDN</div><p>Plan meals.</p></body>`,
		want: []string{"Lena Hart, MS, RDN"},
	}, {
		name: "a link that reads like a button is no author",
		page: `<body><h1>Managing weight with medicine</h1><a class="author" href="/author/login">Member Login</a>
<div class="byline">By Omar Reyes</div><p>Doctors now prescribe more.</p></body>`,
		want: []string{"Omar Reyes"},
	}, {
		name: "a Twitter card's field labelled Written by names the author",
		page: `<head><meta name="twitter:label1" content="Est. reading time"><meta name="twitter:data1" content="4 minutes">
<meta name="twitter:label2" content="Written by"><meta name="twitter:data2" content="Rosa Quint"></head>
<body><h1>Tuning a slow query</h1><p>Start with the plan.</p></body>`,
		want: []string{"Rosa Quint"},
	}, {
		name: "a Twitter card's writer outranks a <meta> author that is the site",
		page: `<head><meta property="og:site_name" content="Shelf Talk"><meta name="author" content="Shelf Talk">
<meta name="twitter:label1" content="Interview by"><meta name="twitter:data1" content="Ivo Marsh"></head>
<body><h1>The best novels of the year</h1><p>Five picks.</p></body>`,
		want: []string{"Ivo Marsh"},
	}, {
		name: "a link in the site's menu is no byline",
		page: `<body class="nav-below-header dropdown-hover"><div class="site-header"><ul class="main-menu">
<li class="menu-item"><a href="/people/">Special Features</a></li></ul></div>
<div class="post"><h2>Cloud costs fall again</h2><p>by <a href="/author/vera-lind/">Vera Lind</a></p><p>Prices dropped.</p></div></body>`,
		want: []string{"Vera Lind"},
	}, {
		name: "a By text in a header's sub-menu is no byline",
		page: `<body><div class="top"><div class="brand-header--sub-menu-item"><h4>By Harbor Collective</h4></div></div>
<h1>Ten hotel hacks</h1>` + strings.Repeat("<p>Ask for a late check-out.</p>", 45) + `<p>By Julia Moss</p></body>`,
		want: []string{"Julia Moss"},
	}, {
		name: "a by that carries on a line credits a maker, not the writer",
		page: `<body><h1>New books for May</h1><p>Here are the picks.</p>
<h3><a href="/b/1"><em>The Long Road</em></a> by Tom Field (May 13th)</h3><p>A quest.</p>
<p><small>Widgets <a href="https://widgets.example">Acme Apps</a> <span>by</span> <a href="https://tools.example">Bolt</a></small></p></body>`,
	}, {
		name: "a by after a date on its line is a byline",
		page: `<body><h1>Small adventures with small models</h1><p>Models are small now.</p>
<p class="meta">Posted on <time>May 3, 2024</time> by Jo Bloggs</p></body>`,
		want: []string{"Jo Bloggs"},
	}, {
		name: "a team's name may start with the",
		page: `<body><h1>Coffee from its origins to today</h1><span class="hero-author">By the Tosti Team</span><p>Coffee came from Ethiopia.</p></body>`,
		want: []string{"the Tosti Team"},
	}, {
		name: "a the and one capitalized word name no one",
		page: `<body><h1>Coffee from its origins to today</h1><h2>By the Numbers</h2><p>Coffee came from Ethiopia.</p></body>`,
	}, {
		name: "a Contributors label names the writer",
		page: `<head><meta property="og:site_name" content="Green Thumbs"></head><body><h1>Plants for dark rooms</h1><p>Ferns cope well.</p>
<div class="tags"><div><strong>Contributors:</strong> Nora Lind</div></div></body>`,
		want: []string{"Nora Lind"},
	}, {
		name: "a page without comments still has bylines",
		page: `<body class="single no-comments"><h1>Trends for next year</h1>
<div class="hero-author">Written by <span>Ada Marsh</span>, <span>Ben Ochoa</span></div><p>Change is fast.</p>
<div class="comment-list"><div class="comment-author">By Carl Dunn</div></div></body>`,
		want: []string{"Ada Marsh", "Ben Ochoa"},
	}, {
		name: "authors named one element each, in a list, are all the authors",
		page: `<head><meta name="author" content="Ann Lee"></head><body><h1>Free courses with certificates</h1>
<p><span class="author-name"><a href="/author/ann">Ann Lee</a></span>, <span class="author-name"><a href="/author/ben">Ben Ortiz</a></span>
&amp; <span class="author-name"><a href="/author/cy">Cy Park</a></span></p><p>The list grows.</p></body>`,
		want: []string{"Ann Lee", "Ben Ortiz", "Cy Park"},
	}, {
		name: "an author list whose separators and affiliation marks sit in the authors' elements",
		page: `<head><meta name="dc.creator" content="Ann Lee"></head><body><h1>A trial of a meditation app</h1>
<span class="info__authors"><a href="/search?type=author&amp;term=Ann+Lee">Ann Lee<sup>1</sup></a> ; </span><span class="info__authors"><a href="/search?type=author&amp;term=Ben+Ortiz">Ben Ortiz<sup>2</sup></a></span>
<p>Stress fell.</p></body>`,
		want: []string{"Ann Lee", "Ben Ortiz"},
	}, {
		name: "an expert's box is no byline",
		page: `<body><h1>The best VPNs</h1><div class="author-meta expert"><a href="/author/ed-wynn/">Ed Wynn</a></div>
<p>We tested fifty.</p><div class="byline">By Bo Diaz</div></body>`,
		want: []string{"Bo Diaz"},
	}, {
		name: "a block named a menu that holds prose is not navigation",
		page: `<body><h1>A safe Halloween game</h1><div class="menu-container"><div class="byline">Written by Jan Holt</div>
<p>When I asked everyone at the gallery whether we could offer the game as a free download, they said yes at once.</p>
<p>Print the cards, cut them out and hand them round; the first to match three safety rules wins a treat.</p></div></body>`,
		want: []string{"Jan Holt"},
	}, {
		name: "a block named navigation that holds the headline is not navigation",
		page: `<body><div id="navigation-container"><ul><li><a href="/a">Results</a></li><li><a href="/b">Athletes</a></li>
<li><a href="/c">Calendar</a></li><li><a href="/d">Federation and its member clubs</a></li></ul>
<h1>Thorn wins the indoor mile</h1><p class="author">Sara Amm</p><p>He won.</p></div></body>`,
		want: []string{"Sara Amm"},
	}, {
		name: "a name particle alone is no name",
		page: `<head><script type="application/ld+json">{"@type":"Article","headline":"We back the strike","author":{"@type":"Person","name":"Fritz Lerche"}}</script></head>
<body><h1>We back the strike</h1><div class="entry-author"><a href="/author/flerche/">von <span class="fn">flerche</span></a></div><p>The party backs it.</p></body>`,
		want: []string{"Fritz Lerche"},
	}, {
		name: "a blog's list of contributors is no byline",
		page: `<body><h1>Court hears the tort case</h1><div class="side"><h2>Contributors</h2><ul><li>Andrew Ramos</li><li>Zoe Till</li></ul></div>
<p>The court heard it.</p><p>Posted by Jenna Green</p></body>`,
		want: []string{"Jenna Green"},
	}, {
		name: "the roles and employer after a name in one byline are not more authors",
		page: `<head><script type="application/ld+json">{"@type":"BlogPosting","headline":"The people behind the code","author":{"@type":"Person","name":"Alex Durand"}}</script></head>
<body><h1>The people behind the code</h1><p>Posted by Alex Durand, Project Marketing, Google</p><p>They build it.</p></body>`,
		want: []string{"Alex Durand"},
	}, {
		name: "a link to the author's website is no name",
		page: `<body><h1>Living out of overflow</h1><p>Rest first.</p><div class="bio"><a href="https://roy.example">Author Website</a></div></body>`,
	}, {
		name: "a box a theme names entry-nav right under the headline holds the byline",
		page: `<body><h1>A loft in Stockholm</h1><div class="entry_nav"><ul><li>Posted in <a href="/c/flats/">Flats</a></li>
<li>By <a href="/author/raphaelle/">Raphaelle</a></li></ul></div><p>The loft is cozy.</p></body>`,
		want: []string{"Raphaelle"},
	}, {
		name: "a section's name is no author",
		page: `<body><h1>A new phone for the holidays</h1><a href="/people/">People</a><p>Phones got cheaper.</p></body>`,
	}, {
		name: "an author's description is no byline",
		page: `<body><h1>Espresso machines under $500</h1><div class="box"><p class="headline-text">Ana Kristensen</p>
<div class="dynamic-author-description">Licensed Coffee Grader, M.A. Journalism</div></div><p>We tested nine.</p></body>`,
	}, {
		name: "an organization's name with an ampersand is one name",
		page: `<head><script type="application/ld+json">{"@type":"Article","headline":"Gym injury claims",
 "author":{"@type":"Organization","name":"Hart &amp; Hart"}}</script></head><body><h1>Gym injury claims</h1><p>Call us.</p></body>`,
		want: []string{"Hart & Hart"},
	}, {
		name: "an author's box opens with the name, then the biography",
		page: `<body><h1>SEO tips for therapists</h1><p>Search matters.</p><div class="blog_author-box"><div class="blog_author-text">
<div class="semibold">About Lara Vett</div><div class="rich">Lara Vett is a growth-focused marketer who has spent a decade helping
clinics, practices and small teams of therapists be found by the people who need them, and who writes about it every week.</div></div></div></body>`,
		want: []string{"Lara Vett"},
	}, {
		name: "a long block classed as an author's is no byline",
		page: `<body><h1>Archive</h1><div class="post-author-list"><h3>Friday Market Notes</h3><p>Prices rose on Friday as traders
returned from the long weekend and the markets, which had been quiet all week, finally moved in the direction most had expected.
Bonds fell, oil held steady and the dollar ended the day a little higher against most of the currencies it trades with.</p></div></body>`,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := metaOf(t, tt.page, "").authors(); !cmp.Equal(got, tt.want) {
				t.Errorf("authors() = %q, want %q", got, tt.want)
			}
		})
	}
}
