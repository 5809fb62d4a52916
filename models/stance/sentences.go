package stance

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
)

// SentenceClasses are the labels the sentence classifier predicts, in the
// order of its weight rows.
var SentenceClasses = []string{Support, Oppose, Neutral}

// SentenceModel is a multinomial logistic regression over the words of
// one sentence: the back-off of the rules when a sentence about a target
// has no cue of the lexicon at all (see Model.Classify). Its features are
// lower-case words and word pairs, with the words that follow a negator
// (within negationReach words, up to punctuation) marked "NOT_"; each
// present feature counts 1 and the vector is scaled to unit length.
//
// For a sentence with feature vector x, the probability of class c is
//
//	P(c | x) = exp(w_c·x + b_c) / Σ_k exp(w_k·x + b_k),
//
// and training minimises the class-weighted negative log-likelihood plus
// λ/2 ‖W‖² (biases unpenalised), each class weighted n / (3 n_c) so that
// the rarer oppose and neutral sentences count as much as support.
type SentenceModel struct {
	Version int         `json:"version"`
	Classes []string    `json:"classes"`
	Lambda  float64     `json:"lambda"`
	Vocab   []string    `json:"vocab"`   // sorted
	Weights [][]float64 `json:"weights"` // per class: one weight per vocabulary entry, then the bias
	Trained string      `json:"trained"` // what it was trained on
	index   map[string]int
}

// negationReach is how many words after a negator are marked "NOT_".
const negationReach = 3

// sentenceNegators open a negated stretch of words.
var sentenceNegators = map[string]bool{"not": true, "no": true, "never": true, "cannot": true, "nor": true,
	"nothing": true, "unable": true, "without": true, "neither": true}

// SentenceFeatures returns the features of a sentence, sorted and
// distinct.
func SentenceFeatures(sentence string) []string {
	var words []string
	neg := 0
	for _, tok := range splitWords(sentence) {
		if tok == "" { // punctuation: ends a negated stretch and a pair
			neg = 0
			words = append(words, "")
			continue
		}
		w := tok
		if neg > 0 {
			w = "NOT_" + tok
			neg--
		}
		if sentenceNegators[tok] || strings.HasSuffix(tok, "n't") {
			neg = negationReach
		}
		words = append(words, w)
	}
	seen := map[string]bool{}
	for i, w := range words {
		if w == "" {
			continue
		}
		seen[w] = true
		if i+1 < len(words) && words[i+1] != "" {
			seen[w+" "+words[i+1]] = true
		}
	}
	out := make([]string, 0, len(seen))
	for f := range seen {
		out = append(out, f)
	}
	slices.Sort(out)
	return out
}

// splitWords lower-cases s and returns its words, with "" for each run of
// clause punctuation (. , ; : ! ?); apostrophes (' or ’) stay inside words.
func splitWords(s string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-':
			b.WriteRune(r)
		case r == '\'' || r == '’':
			b.WriteByte('\'')
		case strings.ContainsRune(".,;:!?", r):
			flush()
			if len(out) == 0 || out[len(out)-1] != "" {
				out = append(out, "")
			}
		default:
			flush()
		}
	}
	flush()
	return out
}

// LabelledSentence is one training sentence.
type LabelledSentence struct {
	Text, Label string
}

// minFeatureCount is how many training sentences a feature needs to enter
// the vocabulary.
const minFeatureCount = 2

// TrainSentenceModel fits the classifier on labelled sentences (labels in
// SentenceClasses) with L2 penalty lambda, deterministically (L-BFGS from
// zero weights). trained describes the data for the model file.
func TrainSentenceModel(data []LabelledSentence, lambda float64, trained string) (*SentenceModel, error) {
	if len(data) == 0 {
		return nil, errors.New("stance: no training sentences")
	}
	count := map[string]int{}
	feats := make([][]string, len(data))
	ys := make([]int, len(data))
	classN := make([]int, len(SentenceClasses))
	for i, d := range data {
		y := slices.Index(SentenceClasses, d.Label)
		if y < 0 {
			return nil, fmt.Errorf("stance: training sentence %d: label %q is not one of %v", i+1, d.Label, SentenceClasses)
		}
		ys[i] = y
		classN[y]++
		feats[i] = SentenceFeatures(d.Text)
		for _, f := range feats[i] {
			count[f]++
		}
	}
	m := &SentenceModel{Version: 1, Classes: SentenceClasses, Lambda: lambda, Trained: trained}
	for f, n := range count {
		if n >= minFeatureCount {
			m.Vocab = append(m.Vocab, f)
		}
	}
	slices.Sort(m.Vocab)
	m.buildIndex()
	xs := make([][]int, len(data))
	for i := range data {
		xs[i] = m.indexes(feats[i])
	}
	weights := make([]float64, len(SentenceClasses))
	for c, n := range classN {
		if n > 0 {
			weights[c] = float64(len(data)) / float64(len(SentenceClasses)*n)
		}
	}
	w, err := fitLR(xs, ys, weights, len(m.Vocab), lambda)
	if err != nil {
		return nil, err
	}
	m.Weights = w
	return m, nil
}

// fitLR minimises the penalised, class-weighted negative log-likelihood
// over sparse binary rows xs (feature indexes, scaled to unit length).
func fitLR(xs [][]int, ys []int, classW []float64, dim int, lambda float64) ([][]float64, error) {
	k := len(classW)
	stride := dim + 1
	fg := func(grad, w []float64) float64 {
		if grad != nil {
			clear(grad)
		}
		loss := 0.0
		scores := make([]float64, k)
		for i, x := range xs {
			scale := 1 / math.Sqrt(float64(max(len(x), 1)))
			for c := range k {
				s := w[c*stride+dim]
				for _, j := range x {
					s += w[c*stride+j] * scale
				}
				scores[c] = s
			}
			lse := logSumExp(scores)
			cw := classW[ys[i]]
			loss += cw * (lse - scores[ys[i]])
			if grad == nil {
				continue
			}
			for c := range k {
				g := math.Exp(scores[c] - lse)
				if c == ys[i] {
					g--
				}
				g *= cw
				grad[c*stride+dim] += g
				for _, j := range x {
					grad[c*stride+j] += g * scale
				}
			}
		}
		for c := range k {
			for j := range dim {
				v := w[c*stride+j]
				loss += lambda / 2 * v * v
				if grad != nil {
					grad[c*stride+j] += lambda * v
				}
			}
		}
		return loss
	}
	x, err := minimise(fg, make([]float64, k*stride))
	if err != nil {
		return nil, fmt.Errorf("stance: training the sentence model: %w", err)
	}
	out := make([][]float64, k)
	for c := range k {
		out[c] = make([]float64, stride)
		for j := range stride {
			// Rounded so that the model file is short and stable across
			// platforms whose last bits of floating point may differ.
			out[c][j] = math.Round(x[c*stride+j]*1e6) / 1e6
		}
	}
	return out, nil
}

// Gradient descent settings of minimise.
const (
	maxSteps = 3000
	gradTol  = 1e-6
)

// minimise runs gradient descent with a backtracking (Armijo) line search
// from x on the smooth convex function fg (value, and gradient into its
// first argument when not nil), until the gradient's largest entry is
// below gradTol or maxSteps steps were taken. It is deterministic: no
// randomness, a fixed order of operations.
func minimise(fg func(grad, x []float64) float64, x []float64) ([]float64, error) {
	grad := make([]float64, len(x))
	next := make([]float64, len(x))
	f := fg(grad, x)
	step := 1.0
	for range maxSteps {
		gmax, gg := 0.0, 0.0
		for _, g := range grad {
			gmax = math.Max(gmax, math.Abs(g))
			gg += g * g
		}
		if gmax < gradTol {
			return x, nil
		}
		for {
			for i := range x {
				next[i] = x[i] - step*grad[i]
			}
			fn := fg(nil, next)
			if fn <= f-0.5*step*gg {
				x, next = next, x
				f = fg(grad, x)
				step *= 2
				break
			}
			step /= 2
			if step < 1e-12 {
				return x, nil // no further decrease possible
			}
		}
		if math.IsNaN(f) {
			return nil, errors.New("the loss is not a number")
		}
	}
	return x, nil
}

func logSumExp(x []float64) float64 {
	m := slices.Max(x)
	s := 0.0
	for _, v := range x {
		s += math.Exp(v - m)
	}
	return m + math.Log(s)
}

func (m *SentenceModel) buildIndex() {
	m.index = make(map[string]int, len(m.Vocab))
	for i, f := range m.Vocab {
		m.index[f] = i
	}
}

func (m *SentenceModel) indexes(feats []string) []int {
	var out []int
	for _, f := range feats {
		if j, ok := m.index[f]; ok {
			out = append(out, j)
		}
	}
	return out
}

// Probabilities returns P(class | sentence) in the order of Classes.
func (m *SentenceModel) Probabilities(sentence string) []float64 {
	x := m.indexes(SentenceFeatures(sentence))
	scale := 1 / math.Sqrt(float64(max(len(x), 1)))
	scores := make([]float64, len(m.Classes))
	for c, w := range m.Weights {
		s := w[len(m.Vocab)]
		for _, j := range x {
			s += w[j] * scale
		}
		scores[c] = s
	}
	lse := logSumExp(scores)
	for c := range scores {
		scores[c] = math.Exp(scores[c] - lse)
	}
	return scores
}

// ParseSentenceModel reads a model file written by Marshal.
func ParseSentenceModel(raw []byte) (*SentenceModel, error) {
	var m SentenceModel
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, fmt.Errorf("stance: sentence model: %w", err)
	}
	if m.Version != 1 || !slices.Equal(m.Classes, SentenceClasses) || len(m.Weights) != len(m.Classes) {
		return nil, fmt.Errorf("stance: sentence model: unknown version %d or classes %v", m.Version, m.Classes)
	}
	for _, w := range m.Weights {
		if len(w) != len(m.Vocab)+1 {
			return nil, fmt.Errorf("stance: sentence model: %d weights for %d features", len(w), len(m.Vocab))
		}
	}
	m.buildIndex()
	return &m, nil
}

// Marshal writes the model as indented JSON, one vocabulary entry or
// weight row per line.
func (m *SentenceModel) Marshal() ([]byte, error) {
	b, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
