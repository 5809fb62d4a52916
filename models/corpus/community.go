package corpus

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/simple"
)

// orderedGraph is a simple.WeightedUndirectedGraph whose Nodes and From
// iterate in order of node id. gonum's Louvain implementation sums degrees
// and builds its reduced graphs in iteration order; the map order of
// simple's iterators would make the floating-point sums, and so ties
// between moves, differ from run to run.
type orderedGraph struct {
	*simple.WeightedUndirectedGraph
}

func (g orderedGraph) Nodes() graph.Nodes {
	return iterator.NewOrderedNodes(sortedNodes(g.WeightedUndirectedGraph.Nodes()))
}

func (g orderedGraph) From(id int64) graph.Nodes {
	return iterator.NewOrderedNodes(sortedNodes(g.WeightedUndirectedGraph.From(id)))
}

func sortedNodes(it graph.Nodes) []graph.Node {
	nodes := graph.NodesOf(it)
	slices.SortFunc(nodes, func(a, b graph.Node) int {
		switch {
		case a.ID() < b.ID():
			return -1
		case a.ID() > b.ID():
			return 1
		}
		return 0
	})
	return nodes
}

// communities finds the Louvain communities of the alignment network and
// sets Communities, Modularity and every Position's Community.
func (res *Result) communities(edges []Edge, seed uint64) error {
	type pair [2]string
	type link struct {
		ends pair
		w    float64
	}
	links := make([]link, 0, len(edges))
	for i, e := range edges {
		if e.Source == "" || e.Target == "" {
			return fmt.Errorf("%w: edge %d has an empty end", ErrInput, i)
		}
		if !(e.Weight >= 0) || math.IsInf(e.Weight, 0) {
			return fmt.Errorf("%w: edge %d (%s–%s) has weight %v, want a finite number ≥ 0", ErrInput, i, e.Source, e.Target, e.Weight)
		}
		if e.Source == e.Target {
			continue // a delegation citing itself says nothing about alignment
		}
		k := pair{e.Source, e.Target}
		if k[1] < k[0] {
			k[0], k[1] = k[1], k[0]
		}
		links = append(links, link{k, e.Weight})
	}
	// Sum duplicates in a fixed order, so that the sums do not depend on
	// the order of the input.
	slices.SortFunc(links, func(a, b link) int {
		if c := strings.Compare(a.ends[0], b.ends[0]); c != 0 {
			return c
		}
		if c := strings.Compare(a.ends[1], b.ends[1]); c != 0 {
			return c
		}
		switch {
		case a.w < b.w:
			return -1
		case a.w > b.w:
			return 1
		}
		return 0
	})
	weights := make(map[pair]float64)
	for _, l := range links {
		weights[l.ends] += l.w
	}
	var names []string
	for k, w := range weights {
		if w > 0 {
			names = append(names, k[0], k[1])
		}
	}
	slices.Sort(names)
	names = slices.Compact(names)
	if len(names) == 0 {
		return nil
	}
	id := make(map[string]int64, len(names))
	g := orderedGraph{simple.NewWeightedUndirectedGraph(0, 0)}
	for i, c := range names {
		id[c] = int64(i)
		g.AddNode(simple.Node(i))
	}
	for k, w := range weights {
		if w > 0 {
			g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(id[k[0]]), simple.Node(id[k[1]]), w))
		}
	}

	reduced := community.Modularize(g, 1, rand.NewPCG(seed, StreamLouvain))
	comms := reduced.Communities()
	res.Communities = make([][]string, len(comms))
	for i, c := range comms {
		members := make([]string, len(c))
		for j, n := range c {
			members[j] = names[n.ID()]
		}
		slices.Sort(members)
		res.Communities[i] = members
	}
	slices.SortFunc(res.Communities, func(a, b []string) int { return strings.Compare(a[0], b[0]) })

	// Q over the canonical partition, so that it does not depend on the
	// order of Modularize's output.
	parts := make([][]graph.Node, len(res.Communities))
	of := make(map[string]int, len(names))
	for i, c := range res.Communities {
		for _, m := range c {
			parts[i] = append(parts[i], simple.Node(id[m]))
			of[m] = i
		}
	}
	res.Modularity = community.Q(g, parts, 1)
	for i := range res.Positions {
		if c, ok := of[res.Positions[i].Code]; ok {
			res.Positions[i].Community = c
		}
	}
	return nil
}
