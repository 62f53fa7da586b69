package pyfmt

import "testing"

// Benchmarks of the f-string specs in bench/strings.aio, to watch their
// time and allocations (one string each).

func BenchmarkFormatInt64ZeroPad(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_, _ = FormatInt64(int64(i%200000), "06d")
	}
}

func BenchmarkFormatInt64Align(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_, _ = FormatInt64(int64(i%1000), ">4")
	}
}

func BenchmarkFormatFloatFixed(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_, _ = FormatFloat(float64(i%200000)/8, ".2f")
	}
}

func BenchmarkFloatRepr(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_ = FloatRepr(float64(i) / 7)
	}
}
