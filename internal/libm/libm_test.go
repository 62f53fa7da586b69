package libm

import (
	"math"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The expected values below are bit patterns computed by glibc 2.36's
// pow (the library CPython 3.11 uses on Linux), for arguments spread over
// its domain: ours is correctly rounded, as glibc's is on all of these.

func TestPowMatchesGlibc(t *testing.T) {
	pow := []uint64{
		0x4022e69adf1ff37c, 0x3ff0000000000000, 0x4022e69adf1ff37c,
		0x3fe8057ea385e7d2, 0xc075eaaffc6a7ba3, 0x490101f8e7e268d6,
		0x4082cdeb7818546d, 0xbfe7d52ec33c8d76, 0x3f816e1cb256ffa5,
		0x3fef39b8e2af8fce, 0xc02201a6a646bbf1, 0x3ff3f2f53ec514d6,
		0x427e09ae85cbf82c, 0x5ccdd9cb6de09f24, 0x7ff0000000000000,
		0x428e9007e0958f66, 0xc1b52218b0000000, 0x0000000000000000,
		0x41b925c825cc6bdb, 0xbcea6ffede156540, 0x3feffffffffffdf3,
		0x54e08e87a2322b16, 0x4381d72cc3ee0ed6, 0x7ff0000000000000,
		0x40103b8b45639c96, 0x3fef8b7810aa22c9, 0x400fd32042c6583d,
		0x3fbf1c5e078fe5a0, 0xc0685b8de0c89adf, 0x64f6b6a056fd94a2,
		0x408391f22e5232df, 0x0000000000000000, 0x3ff0000000000000,
		0x3ff0b2cce85d55e2, 0x4015f8265123dc93, 0x3ff43b592a415960,
		0x41d9477f42f55190, 0x64d51808bc25d10e, 0x7ff0000000000000,
		0x3fbef4180fa9d2c8, 0x418fca41bbc64e00, 0x0000000000000000,
		0x41bd46a876ad7c93, 0xc1cd641dfaa53bb0, 0x0000000000000000,
		0x06a32917fbbc33cc, 0x0000000000000000, 0x3ff0000000000000,
		0x4016e30dca7ac040, 0x3ff057fd23afee7a, 0x4017c2c1a8c47efe,
		0x3fdb69e472aaf614, 0xc078cfdf051ff49a, 0x5e481d143b6f963e,
		0x4064a1c65859da32, 0xbfec78e0c6384b52, 0x3f85c943c144c5fc,
		0x3ff05fbc55cd5d1c, 0x40227be8035ebb24, 0x3ff3cf0037c235b9,
		0x3d75b68cdcbe3636, 0xc1e0000000000000, 0x7ff0000000000000,
		0x41c26bdae2d47e94, 0x41adc7347ecb82d2, 0x7ff0000000000000,
		0x4175a8d6627d98d8, 0xc322594a76a94275, 0x0000000000000000,
		0x238e74f40c4e9fa8, 0x3e6dc18eadbc4a0c, 0x3fefffdb6ab448aa,
		0x4017e9e8a3c1e6cc, 0x3ff02314a0735bd1, 0x40184862ec04a043,
		0x3fe2a60dd6945c26, 0x4085000000000000, 0x1f36cec9d275b035,
		0x4082ecdfc97691d2, 0x3fed345bc788a4a6, 0x4075a0de0387bc21,
		0x3ff08427e81d686b, 0xc00579f4968f3ef4, 0x3fed6296468ae77f,
		0x3ebc2b13c64227a8, 0x0372107ee593345f, 0x3ff0000000000000,
		0x42f1e25ce6a4c2ee, 0x417184d8a172aab0, 0x7ff0000000000000,
		0x417c561414716ceb, 0xc1e0000000000000, 0x0000000000000000,
		0x76e15199ba2e2e42, 0x418c444a3aca8b5a, 0x7ff0000000000000,
		0x400ba58e6643e58f, 0x3ff0ba07b4b156a4, 0x400d3f9b900d80ee,
		0x3f8be705a42f8480, 0x40826a339c4c6bae, 0x0000000000000000,
		0x40538bdd5660cbbe, 0x3fea3a8fe24952f6, 0x4041cf66d9c4ceb3,
		0x3fef69ed67dd0e74, 0xc000000000000000, 0x3ff09a4cb19f1f40,
		0x4280c4a06d5587b0, 0x77c0884b52281cdc, 0x7ff0000000000000,
		0x42cc6c08d863f250, 0x418e14a935ecc3e0, 0x7ff0000000000000,
		0x41ae8111ed88dc0c, 0xbd93584165688073, 0x3feffffffff44bd9,
		0x5272b8462f36ff78, 0x3cef992230838884, 0x3ff0000000000cac,
		0x3ff9be0720cc74f6, 0x3ff0000000000000, 0x3ff9be0720cc74f6,
		0x3fccaf9ff11be668, 0xc07044f4c4069cd0, 0x63099238b56ae441,
		0x408581db148f84c1, 0xbfe29c3fa3dde32a, 0x3f96e7ef108054b0,
		0x3fef497d1b6118a3, 0x4000ecdaf321070c, 0x3fee82aa0cf2edb8,
		0x3c73c17677f69e92, 0x59f75886bafbb5b8, 0x0000000000000000,
		0x3f407d5c756de800, 0xc1bc0c4e48000000, 0x7ff0000000000000,
		0x41b47faa7497204f, 0xbcef9056d006fd40, 0x3feffffffffffd94,
		0x4394f13d24e4cc28, 0x3fa91700b67f4df4, 0x401d10cb0791559c,
		0x4006678904e0f0af, 0x3fef03dbc972183e, 0x4005b496a71609d2,
		0x3fce100e0a44ca88, 0xc06c2618e902c044, 0x5d5974ff32917789,
		0x407ebccf32230c2b, 0x0000000000000000, 0x3ff0000000000000,
		0x3ff02e017c468d0b, 0x3fe5882f138351f0, 0x3ff01ee646e88fd0,
		0x3f6ae32a88d7ec2d, 0x180ac9c0ddca1b3a, 0x3ff0000000000000,
		0x3f42e9e33b673bb3, 0xc1a25311bd63f596, 0x7ff0000000000000,
		0x41aef0b8cfaf7c4c, 0xbfe44c73b6472ba4, 0x3ed3494dcb83876c,
		0x70469b17447cb0de, 0x0000000000000000, 0x3ff0000000000000,
		0x3fff19bc4a4c556a, 0x3ff0a85b461c49f3, 0x3ffff63c201c4378,
		0x3feefc10e15a2082, 0xc07c6143add27f71, 0x41416d8754e7d052,
		0x406d18c801a2efe8, 0x3fe3ad628d061d78, 0x403c8a6a2d69b120,
		0x3ff092ac12fe2304, 0xc0117e4ab9140056, 0x3feb6fb99bf6a650,
	}
	for i := 0; i < len(pow); i += 3 {
		x, y := math.Float64frombits(pow[i]), math.Float64frombits(pow[i+1])
		assert.Equal(t, pow[i+2], math.Float64bits(Pow(x, y)), "pow(%v, %v)", x, y)
	}
}

// Values CPython 3.11 prints that Go's math package gets wrong in the
// last digit, as a readable spot check.
func TestLibmSpotValues(t *testing.T) {
	for _, c := range []struct {
		got  float64
		want string
	}{
		{Pow(1.1, 10), "2.5937424601000023"},
		{Exp(1.5), "4.4816890703380645"},
		{Log10(1000), "3"},
	} {
		assert.Equal(t, c.want, strconv.FormatFloat(c.got, 'g', -1, 64))
	}
}

// Integer powers whose exact value lies halfway between two float64s
// (7**19 has 54 significant bits, the last one set) round to the even
// neighbour, as CPython prints these; an approximation, however close,
// could land on either side. (The C library itself does not always: it
// prints 477.0**6 as 1.177905024275689e+16, the odd neighbour, where aio
// prints the even 1.1779050242756888e+16.)
func TestPowRoundsExactTiesToEven(t *testing.T) {
	for _, c := range []struct {
		x, y float64
		want string
	}{
		{-7, 19, "-1.1398895185373144e+16"},
		{3, 40, "1.2157665459056929e+19"},
		{11, 16, "4.594972986357216e+16"},
		{1.5, 45, "83966617.31213821"},
		{0.1, 3, "0.0010000000000000002"},
		{49, 9.5, "1.1398895185373144e+16"},
	} {
		want, err := strconv.ParseFloat(c.want, 64)
		require.NoError(t, err)
		assert.Equal(t, want, Pow(c.x, c.y), "%v**%v", c.x, c.y)
	}
}
