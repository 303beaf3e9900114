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
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := metaOf(t, tt.page, "").title(); got != tt.want {
				t.Errorf("title() = %q, want %q", got, tt.want)
			}
		})
	}
}
