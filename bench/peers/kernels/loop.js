function run(n) {
  let total = 0;
  let i = 0;
  while (i < n) {
    total = (total + i * i) % 1000000007;
    i += 1;
  }
  return total;
}
print(run(5000000));
