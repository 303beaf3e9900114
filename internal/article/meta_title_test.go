package article

import "testing"

func TestTitle(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{{
		name: "the headline the metadata give word for word wins over a heading more like the title without the site's name",
		page: `<head><meta property="og:site_name" content="Weekly Signal">
<meta property="og:title" content="Weekly Signal #18 – Cities after the car"></head>
<body><h1>Weekly Signal #18 – Cities after the car</h1><p>This week.</p><h1>Cities after the car</h1><p>Streets change.</p></body>`,
		want: "Weekly Signal #18 – Cities after the car",
	}, {
		name: "a title the page sets in an <h2> wins over an <h1> unlike any title",
		page: `<head><title>Why gardeners love compost | Green Notes</title></head>
<body><h2>Why gardeners love compost</h2><p>We asked readers.</p>
<h1>But what they love most is the smell of it in spring</h1><p>Compost is cheap.</p></body>`,
		want: "Why gardeners love compost",
	}, {
		name: "an <h2> that is the longest part of the <title> is the title, the other parts are names",
		page: `<head><title>Testing your shell scripts | Code | Ana Ruiz</title></head>
<body><h1><a href="/">Hi, I'm Ana.</a></h1><article><h2>Testing your shell scripts</h2><p>Scripts break.</p></article></body>`,
		want: "Testing your shell scripts",
	}, {
		name: "an <h2> that is a short part of the <title> is a section",
		page: `<head><title>The Lab | Machine learning at Northfield College</title></head>
<body><h2>The Lab</h2><p>We study models.</p></body>`,
		want: "The Lab | Machine learning at Northfield College",
	}, {
		name: "a short <h1> whose words the longer title holds is the headline",
		page: `<head><title>Cheap food: Nutrition for families on a budget | Dairy Lab</title></head>
<body><h1>Cheap nutrition</h1><p>Milk powder keeps.</p></body>`,
		want: "Cheap nutrition",
	}, {
		name: "a short <h1> the title does not hold is a section",
		page: `<head><title>Cheap food: Nutrition for families on a budget | Dairy Lab</title></head>
<body><h1>Our research</h1><p>Milk powder keeps.</p></body>`,
		want: "Cheap food: Nutrition for families on a budget",
	}, {
		name: "a short <h1> that opens the title as a site's name does is the site",
		page: `<head><title>Web Ink Today: Ten rules for a press release that people read</title></head>
<body><h1>Web Ink Today</h1><h3>Ten rules for a press release that people read</h3><p>Write for people.</p></body>`,
		want: "Web Ink Today: Ten rules for a press release that people read",
	}, {
		name: "a short <h1> that is a part of the title between dashes is the site",
		page: `<head><title> - Garden Shears - Residents ask about the new road</title></head>
<body><h1>Garden Shears</h1><p>Residents asked.</p></body>`,
		want: "Garden Shears - Residents ask about the new road",
	}, {
		name: "a title that runs the site's name on after the headline is not a fuller headline",
		page: `<head><title>Wine float kourteous</title><meta property="og:url" content="http://kourteous.example/?p=521"></head>
<body><h1 class="entry-title">Wine float</h1><p>Pour the wine.</p></body>`,
		want: "Wine float",
	}, {
		name: "a headline that shows question marks for lost characters gives way to the title it is",
		page: `<head><title>Is Event Planning Hard? A Beginner's Guide – Ploom</title></head>
<body><h1>Is Event Planning Hard? A Beginner?s Guide</h1><p>Start with a budget.</p></body>`,
		want: "Is Event Planning Hard? A Beginner's Guide",
	}, {
		name: "a headline's own question mark is kept",
		page: `<head><title>Is event planning hard – Ploom</title></head>
<body><h1>Is Event Planning Hard? A Beginner Guide</h1><p>Start with a budget.</p></body>`,
		want: "Is Event Planning Hard? A Beginner Guide",
	}, {
		name: "an <h1> that links to another page is a teaser",
		page: `<head><title>Where to bike in town | Town Mag</title><meta property="og:url" content="https://town.example/outdoors/bike"></head>
<body><h1>Best bike trails in town</h1><p>Ride the river path.</p>
<div class="item"><h1><a href="/outdoors/kayak">Where to kayak in town</a></h1></div></body>`,
		want: "Best bike trails in town",
	}, {
		name: "an <h1> that links to its own page is the headline",
		page: `<head><title>Where to kayak in town | Town Mag</title><link rel="canonical" href="https://town.example/outdoors/kayak/"></head>
<body><h1><a href="/outdoors/kayak">Where to kayak in town</a></h1><p>Rent a boat.</p></body>`,
		want: "Where to kayak in town",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := metaOf(t, tt.page, "").title(); got != tt.want {
				t.Errorf("title() = %q, want %q", got, tt.want)
			}
		})
	}
}
