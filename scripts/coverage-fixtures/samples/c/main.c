#include <stdio.h>

static int gcd(int a, int b) {
  while (b != 0) {
    int t = b;
    b = a % b;
    a = t;
  }
  return a;
}

static int never_called(int x) {
  return x > 0 ? x : -x;
}

int main(void) {
  printf("%d\n", gcd(84, 36));
  return 0;
}
