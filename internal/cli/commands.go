package cli

import (
	"fmt"
	"io"
	"runtime"
	"strings"

	"github.com/spf13/pflag"

	extract "github.com/extract-news/extract"
	"github.com/extract-news/extract/internal/version"
)

// subcommands are the words that, as the first argument, name a command
// rather than an input.
var subcommands = []string{"rules", "view", "serve", "version", "config", "completion"}

// runVersion prints the version line: `extract version`, -V, --version.
func runVersion(args []string, stdout, stderr io.Writer) ExitCode {
	if len(args) > 0 {
		fmt.Fprintf(stderr, "extract version: takes no arguments\n")
		return ExitUsage
	}
	fmt.Fprintln(stdout, versionLine())
	return ExitOK
}

// versionLine reads "extract v0.2.0 (go1.26.8)": extract's version as
// package version tells it from the build, and the Go release that built it.
func versionLine() string {
	return "extract " + version.String() + " (" + runtime.Version() + ")"
}

// runConfig prints the built-in configuration, every setting with its
// default and what it does, to start a config file from.
func runConfig(args []string, stdout, stderr io.Writer) ExitCode {
	if len(args) > 0 {
		fmt.Fprintf(stderr, "extract config: takes no arguments (it prints the default configuration:\n"+
			"  extract config > ~/.config/extract/config.yaml)\n")
		return ExitUsage
	}
	stdout.Write(extract.DefaultConfig())
	return ExitOK
}

// runCompletion prints a completion script for a shell.
func runCompletion(args []string, flags *pflag.FlagSet, stdout, stderr io.Writer) ExitCode {
	shells := map[string]func(*pflag.FlagSet) string{"bash": bashCompletion, "zsh": zshCompletion, "fish": fishCompletion}
	if len(args) != 1 || shells[args[0]] == nil {
		fmt.Fprintf(stderr, "extract completion: name a shell: bash, zsh or fish, as in\n"+
			"  source <(extract completion bash)\n"+
			"  extract completion zsh > \"${fpath[1]}/_extract\"\n"+
			"  extract completion fish > ~/.config/fish/completions/extract.fish\n")
		return ExitUsage
	}
	fmt.Fprint(stdout, shells[args[0]](flags))
	return ExitOK
}

// flagWords are the flags as a shell types them: --name and -x.
func flagWords(flags *pflag.FlagSet) []string {
	var out []string
	flags.VisitAll(func(f *pflag.Flag) {
		out = append(out, "--"+f.Name)
		if f.Shorthand != "" {
			out = append(out, "-"+f.Shorthand)
		}
	})
	return out
}

// takesValue reports whether a flag is followed by a value.
func takesValue(f *pflag.Flag) bool { return f.Value.Type() != "bool" }

func bashCompletion(flags *pflag.FlagSet) string {
	return `# bash completion for extract: source <(extract completion bash)
_extract() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
  case $prev in
    --format) COMPREPLY=($(compgen -W "` + strings.Join(formats, " ") + `" -- "$cur")); return ;;
    --rules) COMPREPLY=($(compgen -d -- "$cur")); return ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "` + strings.Join(flagWords(flags), " ") + `" -- "$cur"))
  elif [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=($(compgen -W "` + strings.Join(subcommands, " ") + `" -- "$cur") $(compgen -f -- "$cur"))
  fi
}
complete -o default -o bashdefault -F _extract extract
`
}

func zshCompletion(flags *pflag.FlagSet) string {
	var b strings.Builder
	b.WriteString("#compdef extract\n# zsh completion for extract: extract completion zsh > \"${fpath[1]}/_extract\"\n_arguments -s \\\n")
	flags.VisitAll(func(f *pflag.Flag) {
		name, usage := pflag.UnquoteUsage(f)
		desc := strings.NewReplacer("'", "", "[", "(", "]", ")", ":", " ").Replace(usage)
		spec := "--" + f.Name
		if f.Shorthand != "" {
			spec = "{-" + f.Shorthand + ",--" + f.Name + "}"
		}
		value := ""
		switch {
		case f.Name == "format":
			value = ":" + name + ":(" + strings.Join(formats, " ") + ")"
		case f.Name == "rules":
			value = ":" + name + ":_files -/"
		case takesValue(f) && (name == "FILE"):
			value = ":" + name + ":_files"
		case takesValue(f):
			value = ":" + name + ": "
		}
		fmt.Fprintf(&b, "  '%s[%s]%s' \\\n", spec, desc, value)
	})
	b.WriteString("  '1: :(" + strings.Join(subcommands, " ") + ")' \\\n  '*:input:_files'\n")
	return b.String()
}

func fishCompletion(flags *pflag.FlagSet) string {
	var b strings.Builder
	b.WriteString("# fish completion for extract: extract completion fish > ~/.config/fish/completions/extract.fish\n")
	fmt.Fprintf(&b, "complete -c extract -n '__fish_use_subcommand' -a '%s'\n", strings.Join(subcommands, " "))
	flags.VisitAll(func(f *pflag.Flag) {
		_, usage := pflag.UnquoteUsage(f)
		line := "complete -c extract -l " + f.Name
		if f.Shorthand != "" {
			line += " -s " + f.Shorthand
		}
		switch {
		case f.Name == "format":
			line += " -x -a '" + strings.Join(formats, " ") + "'"
		case takesValue(f):
			line += " -r"
		}
		fmt.Fprintf(&b, "%s -d '%s'\n", line, strings.ReplaceAll(usage, "'", `\'`))
	})
	return b.String()
}
