package runtime
import ("testing"; "math/big"; "fmt")
func TestXTmp(t *testing.T) {
	th := NewThread()
	x := new(big.Int).Exp(big.NewInt(10), big.NewInt(5000), nil)
	v, err := StrType.Call(th, []Value{BigInt(x)}, nil)
	fmt.Println(len(snOutcome(th, v, err)), err)
	s, err := Format(th, BigInt(x), "")
	fmt.Println(len(s), err)
	r, err := Binary(th, OpMod, Str("%s"), BigInt(x))
	fmt.Println(r.IsValid(), err)
}
