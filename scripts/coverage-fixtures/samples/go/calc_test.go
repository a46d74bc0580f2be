package sample

import "testing"

func TestClamp(t *testing.T) {
	for i := 0; i < 3; i++ {
		if Clamp(5, 0, 10) != 5 || Clamp(-1, 0, 10) != 0 {
			t.Fatal("clamp")
		}
	}
}
