package cli

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestURLThatIsNotAnArticle serves JSON and text-like PDF: each gets an
// error record naming its type, and the exit status says so.
func TestURLThatIsNotAnArticle(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/data.json" {
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"headline": "` + article + `"}`))
			return
		}
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.4\n" + article))
	}))
	defer srv.Close()
	code, out, errs := runCLI(t, "", nil, "-q", srv.URL+"/data.json", srv.URL+"/paper.pdf")
	recs := records(t, out)
	if code != ExitFailed || len(recs) != 2 {
		t.Fatalf("exit %d, %d records, stderr %q", code, len(recs), errs)
	}
	for i, want := range []string{"application/json", "application/pdf"} {
		if msg, _ := recs[i]["error"].(string); !strings.Contains(msg, "the server sent "+want+", not an article") {
			t.Errorf("record %d: %v", i, recs[i])
		}
	}
}

func TestAllowPrivateRedirectsSetting(t *testing.T) {
	defaults, err := defaultConfig()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		env  map[string]string
		args []string
		want bool
	}{
		{nil, nil, false},
		{nil, []string{"--allow-private-redirects"}, true},
		{map[string]string{"EXTRACT_FETCH_ALLOW_PRIVATE_REDIRECTS": "true"}, nil, true},
		{map[string]string{"EXTRACT_FETCH_ALLOW_PRIVATE_REDIRECTS": "true"}, []string{"--allow-private-redirects=false"}, false},
	} {
		flags := newFlags(defaults)
		if err := flags.Parse(c.args); err != nil {
			t.Fatal(err)
		}
		cfg, err := loadConfig(flags, func(k string) string { return c.env[k] }, io.Discard)
		if err != nil || cfg.AllowPrivateRedirects != c.want {
			t.Errorf("env %v, flags %v: %v, %v; want %v", c.env, c.args, cfg.AllowPrivateRedirects, err, c.want)
		}
	}
	env := map[string]string{"EXTRACT_FETCH_ALLOW_PRIVATE_REDIRECTS": "sometimes"}
	if code, _, errs := runCLI(t, "", env); code != ExitUsage || !strings.Contains(errs, "fetch.allow_private_redirects") {
		t.Errorf("bad value: exit %d, %q", code, errs)
	}
}
