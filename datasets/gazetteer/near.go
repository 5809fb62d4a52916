package gazetteer

// LookupNear is Lookup that also accepts a name one typing slip away from
// exactly one delegation's name or alias — a letter dropped, added,
// replaced or two letters swapped ("Untied Kingdom", "Colonbia") — or two
// slips for names of eleven letters or more ("Phillipines"). It exists for speaker
// headings, which transcribers type by hand; running text goes through
// Find, which stays exact. A name near two different entries matches
// neither.
func (g *Gazetteer) LookupNear(name string) (Entry, bool) {
	if e, ok := g.Lookup(name); ok {
		return e, true
	}
	key := lookupKey(name)
	limit := slipsAllowed(len(key))
	if limit == 0 {
		return Entry{}, false
	}
	best, bestDist, ambiguous := -1, limit+1, false
	for k, i := range g.byName {
		if k == "" || k[0] != key[0] || absDiff(len(k), len(key)) > limit {
			continue // a slip in the first letter is too rare to be worth the risk
		}
		d := slips(key, k, limit)
		switch {
		case d < bestDist:
			best, bestDist, ambiguous = i, d, false
		case d == bestDist && i != best:
			ambiguous = true
		}
	}
	if best < 0 || ambiguous {
		return Entry{}, false
	}
	return g.entries[best].clone(), true
}

// slipsAllowed is how many slips a name of n bytes may carry: none below
// seven (short names are too close to each other: "Mali", "Malta"), one,
// and two from eleven.
func slipsAllowed(n int) int {
	switch {
	case n >= 11:
		return 2
	case n >= 7:
		return 1
	}
	return 0
}

// slips is the optimal string alignment distance between a and b
// (insertions, deletions, substitutions and adjacent transpositions), or
// limit+1 when it exceeds limit.
//
//	d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+[a_i≠b_j],
//	              d[i-2][j-2]+1 if a_i=b_{j-1} and a_{i-1}=b_j)
func slips(a, b string, limit int) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(b)], limit+1)
}

func absDiff(a, b int) int {
	if a > b {
		return a - b
	}
	return b - a
}
