package version

import (
	"runtime/debug"
	"strings"
	"testing"
)

func TestFromBuildInfo(t *testing.T) {
	for _, c := range []struct {
		name string
		info debug.BuildInfo
		want string
	}{
		{"installed at a version", debug.BuildInfo{Main: debug.Module{Path: modulePath, Version: "v1.2.0"}}, "v1.2.0"},
		{"built in a clone by go 1.24 on", debug.BuildInfo{Main: debug.Module{Path: modulePath, Version: "v0.0.0-20261201235151-35cdf8e48ccc+dirty"}},
			"v0.0.0-20261201235151-35cdf8e48ccc+dirty"},
		{"built in a clone, commit stamped", debug.BuildInfo{Main: debug.Module{Path: modulePath, Version: "(devel)"},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.modified", Value: "false"}}}, "devel+0123456789ab"},
		{"with changes not committed", debug.BuildInfo{Main: debug.Module{Path: modulePath, Version: "(devel)"},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.modified", Value: "true"}}}, "devel+0123456789ab.dirty"},
		{"built with -buildvcs=false", debug.BuildInfo{Main: debug.Module{Path: modulePath, Version: "(devel)"}}, "devel"},
		{"a dependency of another module", debug.BuildInfo{Main: debug.Module{Path: modulePath + "/beam", Version: "(devel)"},
			Deps: []*debug.Module{{Path: modulePath, Version: "v1.3.0"}}}, "v1.3.0"},
		{"a dependency replaced by the clone's folder", debug.BuildInfo{Main: debug.Module{Path: modulePath + "/beam", Version: "(devel)"},
			Deps:     []*debug.Module{{Path: modulePath, Version: "v0.0.0-00010101000000-000000000000", Replace: &debug.Module{Path: "../"}}},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef0123"}}}, "devel+0123456789ab"},
	} {
		if got := fromBuildInfo(&c.info); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

func TestUserAgent(t *testing.T) {
	ua := UserAgent()
	if !strings.Contains(ua, "extract/"+strings.TrimPrefix(String(), "v")+";") || strings.Contains(ua, "0.1;") {
		t.Errorf("User-Agent %q does not give the build's version", ua)
	}
}
