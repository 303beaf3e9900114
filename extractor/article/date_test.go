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
	}
	for _, tt := range tests {
		if got := dateFromURL(tt.in); got != tt.want {
			t.Errorf("dateFromURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
