package article

import "testing"

func TestURL(t *testing.T) {
	tests := []struct {
		name, head, pageURL, want, published string
	}{{
		name:    "relative canonical resolved against the document's address",
		head:    `<link rel="canonical" href="/news/2024/05/06/owls">`,
		pageURL: "https://bugle.test/amp/owls?src=feed",
		want:    "https://bugle.test/news/2024/05/06/owls", published: "2024-05-06",
	}, {
		name: "relative canonical resolved against og:url",
		head: `<link rel="canonical" href="/news/2024/05/06/owls"><meta property="og:url" content="https://bugle.test/owls">`,
		want: "https://bugle.test/news/2024/05/06/owls", published: "2024-05-06",
	}, {
		name: "relative canonical resolved against JSON-LD url",
		head: `<link rel="canonical" href="/2023/11/02/tides/">
<script type="application/ld+json">{"@type":"Article","url":"https://harbour.test/tides"}</script>`,
		want: "https://harbour.test/2023/11/02/tides/", published: "2023-11-02",
	}, {
		name: "protocol-relative canonical resolved against <base>",
		head: `<base href="https://bugle.test/"><link rel="canonical" href="//m.bugle.test/2022/01/09/snow">`,
		want: "https://m.bugle.test/2022/01/09/snow", published: "2022-01-09",
	}, {
		name: "relative canonical with nothing to resolve against is left unused",
		head: `<link rel="canonical" href="/news/2024/05/06/owls">`,
	}, {
		name: "a canonical that is not an address is left unused",
		head: `<link rel="canonical" href="Owls at night"><meta property="og:url" content="https://bugle.test/owls">`,
		want: "https://bugle.test/owls",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := metaOf(t, "<html><head>"+tt.head+"</head><body><p>Text.</p></body></html>", tt.pageURL)
			if got := m.url(); got != tt.want {
				t.Errorf("url() = %q, want %q", got, tt.want)
			}
			if got := m.published(); got != tt.published {
				t.Errorf("published() = %q, want %q", got, tt.published)
			}
		})
	}
}
