package sentiment_test

import (
	"fmt"

	"github.com/plenary/plenary/features/sentiment"
)

// A delegation thanks the Chair, describes the threat landscape and then
// takes a position: the thanks and the topic words are kept out of the
// substantive tone, and the cues show what decided it.
func Example() {
	sc, err := sentiment.New()
	if err != nil {
		panic(err)
	}
	for _, text := range []string{
		"We thank you, Mr. Chair, for your tireless efforts.",
		"Malicious actors attack critical infrastructure.",
		"We regret that the proposal ignores our concerns.",
		"We do not support this.",
	} {
		s := sc.Sentence(text)
		fmt.Printf("%s\n  courtesy %v, substantive %+.2f, courtesy tone %+.2f\n  cues %q, masked %q\n",
			text, s.Courtesy, s.Compound, s.CourtesyCompound, s.Cues, s.Masked)
	}
	turn := sc.Turn([]string{
		"Thank you, Chair.",
		"We thank you for your tireless efforts.",
		"We cannot support the revised proposal.",
	})
	fmt.Printf("turn: substantive %+.2f over %d, courtesy %+.2f over %d\n",
		turn.Substantive, turn.NSubstantive, turn.Courtesy, turn.NCourtesy)
	// Output:
	// We thank you, Mr. Chair, for your tireless efforts.
	//   courtesy true, substantive +0.00, courtesy tone +0.36
	//   cues [], masked ["We thank you, Mr. Chair, for your tireless efforts"]
	// Malicious actors attack critical infrastructure.
	//   courtesy false, substantive +0.00, courtesy tone +0.00
	//   cues [], masked ["attack" "critical infrastructure"]
	// We regret that the proposal ignores our concerns.
	//   courtesy false, substantive -0.73, courtesy tone +0.00
	//   cues ["regret" "ignores" "concerns"], masked []
	// We do not support this.
	//   courtesy false, substantive -0.31, courtesy tone +0.00
	//   cues ["not support"], masked []
	// turn: substantive -0.31 over 1, courtesy +0.36 over 2
}
