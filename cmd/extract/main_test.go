package main

import (
	"bufio"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestMain runs the command itself when a test starts this binary with
// TEST_EXTRACT_MAIN set.
func TestMain(m *testing.M) {
	if os.Getenv("TEST_EXTRACT_MAIN") != "" {
		main()
	}
	os.Exit(m.Run())
}

// sloppyServer answers every request with a page followed by bytes that
// belong to no request, as some servers do; net/http's transport reports
// such bytes through the standard logger.
func sloppyServer(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	page := "<html><body><p>The council met on Tuesday, a spokesman said.</p></body></html>"
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer conn.Close()
				rd := bufio.NewReader(conn)
				for line, err := rd.ReadString('\n'); err == nil && line != "\r\n"; line, err = rd.ReadString('\n') {
				}
				conn.Write([]byte("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + strconv.Itoa(len(page)) + "\r\n\r\n" + page + "HTTP/1.1 200 OK\r\n\r\nstray"))
				time.Sleep(time.Second)
			}()
		}
	}()
	return "http://" + ln.Addr().String()
}

// TestQuietIsQuiet runs the command with -q on pages that make net/http
// log: standard error stays empty.
func TestQuietIsQuiet(t *testing.T) {
	url := sloppyServer(t)
	cmd := exec.Command(os.Args[0], "-q", url+"/a", url+"/b", url+"/c")
	cmd.Env = append(os.Environ(), "TEST_EXTRACT_MAIN=1", "XDG_CONFIG_HOME="+t.TempDir(), "EXTRACT_CONFIG=")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || strings.Count(string(out), `"source"`) != 3 {
		t.Fatalf("error %v, output %s, stderr %s", err, out, stderr.String())
	}
	if stderr.Len() > 0 {
		t.Errorf("standard error with -q: %s", stderr.String())
	}
}
