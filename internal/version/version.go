// Package version tells which extract a binary is, from what the Go
// toolchain wrote into it (runtime/debug.ReadBuildInfo): the module's
// version when it was installed as a module at a version, else the commit
// of the clone it was built from, else "devel".
package version

import (
	"runtime/debug"
	"strings"
)

// modulePath is extract's module, whose version is reported also when it is
// a dependency of the binary (the Beam pipeline's worker).
const modulePath = "github.com/extract-news/extract"

// String is extract's version as one word: a module version such as
// v1.2.0, or devel+COMMIT (devel+COMMIT.dirty for a build with uncommitted
// changes) when built from a clone with its commit stamped, else devel.
func String() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	return fromBuildInfo(info)
}

// fromBuildInfo is the version that info gives extract.
func fromBuildInfo(info *debug.BuildInfo) string {
	mod := &info.Main
	for _, d := range info.Deps {
		if info.Main.Path != modulePath && d.Path == modulePath {
			mod = d
		}
	}
	if mod.Replace != nil && mod.Replace.Version == "" {
		mod = &info.Main // replaced by a folder: the clone the binary was built in
	}
	if v := mod.Version; v != "" && v != "(devel)" {
		return v
	}
	if mod != &info.Main {
		return "devel"
	}
	var rev string
	dirty := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "devel"
	}
	v := "devel+" + rev[:min(len(rev), 12)]
	if dirty {
		v += ".dirty"
	}
	return v
}

// UserAgent is the User-Agent that extract sends by default: it names
// extract, its version and where to read about it, and its product token
// "extract" is the name a robots.txt addresses it by.
func UserAgent() string {
	return "Mozilla/5.0 (compatible; extract/" + strings.TrimPrefix(String(), "v") + "; +https://github.com/extract-news/extract)"
}
