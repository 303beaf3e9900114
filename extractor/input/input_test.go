package input

import "testing"

func TestLooksBinary(t *testing.T) {
	tests := []struct {
		data string
		want bool
	}{
		{"<html><body>\tText\r\n</body></html>", false},
		{"", false},
		{"plain\x00text", true},
		{"\x01\x02\x03\x04 a few words", true},
		{"\xff\xfeT\x00e\x00x\x00t\x00", false},
		{"caf\xe9 au lait, \x1b[1mbold\x1b[0m", false},
	}
	for _, tt := range tests {
		if got := looksBinary([]byte(tt.data)); got != tt.want {
			t.Errorf("looksBinary(%q) = %v, want %v", tt.data, got, tt.want)
		}
	}
}
