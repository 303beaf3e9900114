package article

import "testing"

func TestNormalizeDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2024-03-05", "2024-03-05"},
		{"2024-03-05T10:20:30Z", "2024-03-05T10:20:30Z"},
		{"2024-03-05T10:20:30+0100", "2024-03-05T10:20:30+01:00"},
		{"2024-03-05T10:20:30.123456+01:00", "2024-03-05T10:20:30+01:00"},
		{"2024-03-05 10:20:30", "2024-03-05"},
		{"Tue, 05 Mar 2024 10:20:30 GMT", "2024-03-05T10:20:30Z"},
		{"March 5, 2024", "2024-03-05"},
		{"2023 Jan 7", "2023-01-07"},
		{"1899-01-01", ""},
		{"soon", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := normalizeDate(tt.in); got != tt.want {
			t.Errorf("normalizeDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTextDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Published March 3, 2024 at 9am", "2024-03-03"},
		{"Mar. 3rd, 2024", "2024-03-03"},
		{"3rd of March 2024", "2024-03-03"},
		{"Sat, 20 Dec, 2025 - 06:36", "2025-12-20"},
		{"Dec 18 2025", "2025-12-18"},
		{"03/04/2024", "2024-03-04"},
		{"13/04/2024", "2024-04-13"},
		{"3.4.2024", "2024-04-03"},
		{"2022-11-23T08:10+02:00", "2022-11-23"},
		{"Updated 2024/02/30", ""},
		{"Post time: 27-05-2024", "2024-05-27"},
		{"Post time: 01-04-2024", ""},
		{"August 16, 2019 - Updated July 9, 2025", "2019-08-16"},
		{"no date here, 2024", ""},
	}
	for _, tt := range tests {
		if got := textDate(tt.in); got != tt.want {
			t.Errorf("textDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDateFromURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://news.test/2024/05/06/story/", "2024-05-06"},
		{"https://news.test/2024-05-06-story", "2024-05-06"},
		{"https://news.test/2024/5/6/story.html", "2024-05-06"},
		{"https://news.test/2024/05/10-tips-for-spring", ""},
		{"https://news.test/world/20240506/story.html", "2024-05-06"},
		{"https://news.test/2024/13/40/story", ""},
		{"https://news.test/story-2024", ""},
		{"https://news.test/blog/2023/october/03/wine", "2023-10-03"},
		{"https://news.test/blog/2023/Sept/3.html", "2023-09-03"},
		{"https://news.test/blog/2023/octopus/03/", ""},
	}
	for _, tt := range tests {
		if got := dateFromURL(tt.in); got != tt.want {
			t.Errorf("dateFromURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTextDateAlt(t *testing.T) {
	tests := []struct{ in, date, alt string }{
		{"03/10/2023", "2023-03-10", "2023-10-03"},
		{"09.10.2024", "2024-10-09", "2024-09-10"},
		{"13/04/2024", "2024-04-13", ""},
		{"05/05/2024", "2024-05-05", "2024-05-05"},
		{"March 3, 2024", "2024-03-03", ""},
	}
	for _, tt := range tests {
		if d, a := textDateAlt(tt.in); d != tt.date || a != tt.alt {
			t.Errorf("textDateAlt(%q) = %q, %q, want %q, %q", tt.in, d, a, tt.date, tt.alt)
		}
	}
}

func TestStatedDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"This article was originally published on 26 Sep 2019 at 4:12pm.", "2019-09-26"},
		{"It first appeared in print, and was first published in March 2, 2020 online.", "2020-03-02"},
		{"Originally published in The Gazette.", ""},
		{"Published on March 3, 2024", ""},
	}
	for _, tt := range tests {
		if got := statedDate(tt.in); got != tt.want {
			t.Errorf("statedDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
