package cli

import (
	"strings"
	"testing"
)

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
		cfg, err := loadConfig(flags, func(k string) string { return c.env[k] })
		if err != nil || cfg.AllowPrivateRedirects != c.want {
			t.Errorf("env %v, flags %v: %v, %v; want %v", c.env, c.args, cfg.AllowPrivateRedirects, err, c.want)
		}
	}
	env := map[string]string{"EXTRACT_FETCH_ALLOW_PRIVATE_REDIRECTS": "sometimes"}
	if code, _, errs := runCLI(t, "", env); code != ExitUsage || !strings.Contains(errs, "fetch.allow_private_redirects") {
		t.Errorf("bad value: exit %d, %q", code, errs)
	}
}
