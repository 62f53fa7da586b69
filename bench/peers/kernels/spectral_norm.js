function a(i, j) {
  const s = i + j;
  return 1.0 / (Math.floor(s * (s + 1) / 2) + i + 1);
}
function mulAv(v, n) {
  const out = new Array(n).fill(0);
  for (let i = 0; i < n; i++) {
    let t = 0.0;
    for (let j = 0; j < n; j++) t += a(i, j) * v[j];
    out[i] = t;
  }
  return out;
}
function mulAtv(v, n) {
  const out = new Array(n).fill(0);
  for (let i = 0; i < n; i++) {
    let t = 0.0;
    for (let j = 0; j < n; j++) t += a(j, i) * v[j];
    out[i] = t;
  }
  return out;
}
function run(n) {
  let u = new Array(n).fill(1.0);
  let v = u;
  for (let k = 0; k < 10; k++) {
    v = mulAtv(mulAv(u, n), n);
    u = mulAtv(mulAv(v, n), n);
  }
  let vbv = 0.0, vv = 0.0;
  for (let i = 0; i < n; i++) {
    vbv += u[i] * v[i];
    vv += v[i] * v[i];
  }
  return Math.floor(vbv / vv * 1000000000);
}
print(run(150));
