// Package version tells which extract a binary is, from what the Go
// toolchain wrote into it (runtime/debug.ReadBuildInfo): the module's
// version when it was installed as a module at a version; for a build in a
// clone, the pseudo-version that the go command (1.24 on) makes of its
// commit, such as v0.0.0-20261201235151-35cdf8e48ccc (+dirty with changes
// not committed), or devel+COMMIT when only the commit is stamped; else
// "devel" (a build with -buildvcs=false, or from a git worktree).
package version

import (
	"runtime/debug"
	"strings"
)

// modulePath is extract's module, whose version is reported also when it is
// a dependency of the binary (the Beam pipeline's worker).
const modulePath = "github.com/extract-news/extract"

// String is extract's version as one word: a module version such as
// v1.2.0 or a pseudo-version of a clone's commit, else devel+COMMIT
// (devel+COMMIT.dirty for a build with uncommitted changes) when only the
// commit is stamped, else devel.
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
