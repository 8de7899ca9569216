package main

import "testing"

func TestLocalDSN(t *testing.T) {
	for dsn, want := range map[string]bool{
		"postgres://postgres@127.0.0.1:5432/test?sslmode=disable": true,
		"postgresql://u@localhost/db":                             true,
		"postgres://u@[::1]:5432/db":                              true,
		"postgres:///db?host=/var/run/postgresql":                 true,
		"postgres://u@db.example.org/db":                          false,
		"postgres://u@10.0.0.5/db":                                false,
		"postgres://u@10.0.0.5/db?host=/tmp":                      true,
		"host=127.0.0.1 user=postgres dbname=test":                true,
		"host=db.internal dbname=test":                            false,
		"dbname=test":                                             true, // libpq's default: the local socket
	} {
		if got := localDSN(dsn); got != want {
			t.Errorf("localDSN(%q) = %v, want %v", dsn, got, want)
		}
	}
}
