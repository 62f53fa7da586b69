package decimal_test

import (
	"testing"

	"github.com/aio-lang/aio/internal/modtest"
)

// Exact quotients, roots and powers take the ideal exponent, as
// Decimal(10) / 4 == Decimal('2.5') in CPython.
func TestIdealExponents(t *testing.T) {
	modtest.Run(t, "from decimal import Decimal as D", []modtest.Case{
		{"D(10) / 4", "Decimal('2.5')"},
		{"D('1.00') / D('0.5')", "Decimal('2.0')"},
		{"D(4).sqrt()", "Decimal('2')"},
		{"D('0.04').sqrt()", "Decimal('0.2')"},
		{"D(1000).log10()", "Decimal('3')"},
		{"D(2) ** -2", "Decimal('0.25')"},
		{"D(1) / 7", "Decimal('0.1428571428571428571428571429')"},
	})
}
