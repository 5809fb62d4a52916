package tokenizer_test

import (
	"fmt"

	"github.com/plenary/plenary/nlp/tokenizer"
)

func ExampleTokenizer_Tokenize() {
	for _, t := range tokenizer.New().Tokenize(`Thank you, Mr. Chair. We don't oppose "rev one".`) {
		fmt.Printf("%d:%s ", t.Start, t.Text)
	}
	// Output: 0:Thank 6:you 9:, 11:Mr. 15:Chair 20:. 22:We 25:do 27:n't 31:oppose 38:" 39:rev 43:one 46:" 47:.
}
