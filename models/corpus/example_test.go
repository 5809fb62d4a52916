package corpus_test

import (
	"fmt"
	"math"

	"github.com/plenary/plenary/models/corpus"
)

func Example() {
	say := func(words string) []string {
		return []string{"Thank you, Mr. Chair. " + words, "We thank the distinguished delegations. " + words}
	}
	dels := []corpus.DelegationInput{
		{Code: "RUS", Texts: say("The OEWG is the single inclusive track; a parallel process would duplicate it."),
			Stance: map[string]float64{"poa": -0.9}, Sentiment: math.NaN()},
		{Code: "FRA", Texts: say("The programme of action is a permanent, action-oriented mechanism."),
			Stance: map[string]float64{"poa": 1}, Sentiment: 0.2},
		{Code: "CUB", Texts: say("A parallel process outside the inclusive OEWG would duplicate its work."),
			Stance: map[string]float64{"poa": -0.7}, Sentiment: -0.1},
		{Code: "EGY", Texts: say("We co-sponsor the programme of action, a permanent mechanism."),
			Stance: map[string]float64{"poa": 0.9}, Sentiment: 0.1},
		{Code: "IRN", Texts: say("The OEWG, inclusive and transparent, must not be duplicated by a parallel track."),
			Stance: map[string]float64{}, Sentiment: math.NaN()},
		{Code: "NLD", Texts: say("The programme of action will be permanent and action-oriented."),
			Stance: map[string]float64{"poa": 0.8}, Sentiment: 0.3},
	}
	edges := []corpus.Edge{
		{Source: "CUB", Target: "RUS", Weight: 1}, {Source: "IRN", Target: "RUS", Weight: 1},
		{Source: "EGY", Target: "FRA", Weight: 2}, {Source: "NLD", Target: "FRA", Weight: 1},
	}
	res, err := corpus.Build(dels, edges, corpus.Options{Seed: 1, MinWords: 10})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("k = %d, communities %v\n", res.K, res.Communities)
	for _, p := range res.Positions {
		side := "+"
		if p.PC1 < 0 {
			side = "-"
		}
		fmt.Printf("%s  PC1 %s  k-means %d  Ward %d  community %d\n", p.Code, side, p.KMeans, p.Ward, p.Community)
	}
	// Output:
	// k = 2, communities [[CUB IRN RUS] [EGY FRA NLD]]
	// CUB  PC1 -  k-means 0  Ward 0  community 0
	// EGY  PC1 +  k-means 1  Ward 1  community 1
	// FRA  PC1 +  k-means 1  Ward 1  community 1
	// IRN  PC1 -  k-means 0  Ward 0  community 0
	// NLD  PC1 +  k-means 1  Ward 1  community 1
	// RUS  PC1 -  k-means 0  Ward 0  community 0
}
