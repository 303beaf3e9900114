package cli

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/extract-news/extract/internal/version"
)

// TestVersionFromBuild checks that --version and the default User-Agent
// give the version the build recorded, not a constant.
func TestVersionFromBuild(t *testing.T) {
	code, out, _ := runCLI(t, "", nil, "--version")
	if code != ExitOK || !strings.HasPrefix(out, "extract "+version.String()+" (go") {
		t.Errorf("--version: exit %d, %q; want extract %s", code, out, version.String())
	}
	var got string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/story" {
			got = r.UserAgent()
		}
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte(article))
	}))
	defer srv.Close()
	runCLI(t, "", nil, srv.URL+"/story")
	if want := version.UserAgent(); got != want {
		t.Errorf("User-Agent %q, want %q", got, want)
	}
	runCLI(t, "", nil, "--user-agent", "newsroom-bot/2 (+mailto:data@paper.example)", srv.URL+"/story")
	if !strings.HasPrefix(got, "newsroom-bot/2") {
		t.Errorf("--user-agent: sent %q", got)
	}
}
