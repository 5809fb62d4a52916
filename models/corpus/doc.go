// Package corpus is plenary's corpus-level stage: it takes what the
// per-transcript stages found about each delegation (its turns, its stance
// on each target, its tone) and the alignment network between delegations,
// and places the delegations relative to each other — a two-dimensional map
// (PCA), one-dimensional text scales (Wordfish, Wordscores), clusters
// (k-means, Ward) and communities of the alignment graph (Louvain).
//
// The package is pure: Build reads nothing and writes nothing, and the same
// input gives the same Result, whatever the order of the delegations and
// edges (they are sorted by code first) and on every run (every random
// source is seeded from Options.Seed).
//
// # Document-feature matrix
//
// DFM counts, for every delegation, the features of its turns (see Terms):
// lower-case word tokens, without numbers, English stopwords and the
// courtesy and procedural words of UN meetings (the lists of
// datasets/lexicons/dfm), Snowball-stemmed. A feature is kept if it occurs
// in at least MinDocs (2) delegations. Build uses the DFM of the included
// delegations: those with at least Options.MinWords word tokens.
//
// # Feature matrix
//
// PCA and both clusterings see the same n × (V+P) matrix X, made of two
// blocks. With c_ij the count of feature j for delegation i and df_j the
// number of included delegations that use it:
//
//	words:     w_ij = (c_ij / Σ_k c_ik) · ln(n / df_j),  u_i = w_i / ‖w_i‖₂
//	positions: s_it = stance score on target t (0 if not addressed),
//	           e_i  = mean tone (NaN → mean over the known e; column left
//	                  out when no included delegation has a tone)
//
// Each block B is centred, B̃ = B − 1 b̄ᵀ, and divided by √λ₁(B̃), the square
// root of the largest eigenvalue of its covariance matrix B̃ᵀB̃/(n−1), as in
// multiple factor analysis (Escofier and Pagès 1994; Abdi, Williams and
// Valentin 2013). A block without variance is left at zero.
//
// Why: the word block has hundreds of columns and the position block two
// or three. Weighted by column, the words would hold nearly all the variance
// and PC1 would be the axis of vocabulary — which, in a meeting, is mostly
// the agenda item a delegation spoke under (capacity building against
// stakeholder modalities), not where it stands. Scaled by block, each block's
// main axis has variance 1, so no block can dominate the first component on
// its own: PC1 is the direction that is strong in both — the words that
// separate delegations by position (on the OEWG corpus "poa", "action",
// "unilateral", "non-discriminatory", "sanctions") line up with the stance
// columns. The word block still carries most of the total variance (its
// spread over many minor axes), so distances, and hence the clusters, still
// reflect vocabulary. Stance and tone are kept in one block because both are
// scores on the same [−1, 1] scale.
//
// # PCA
//
// stat.PC on X (centred, unweighted). PC1 and PC2 are the scores x̃_i·v_k
// with the loading vectors v_k; the sign of each v_k is fixed so that its
// loading of largest magnitude is positive (ties: the first column in
// Result.Columns). PCVariance is λ_k / Σ λ.
//
// # Text scaling
//
// Wordfish (scaling.Wordfish, quanteda's defaults) on the raw counts of the
// included delegations after scaling.DropEmpty, the sign fixed by
// Options.WordfishDir; Wordscores (scaling.Wordscores, raw scores, standard
// errors and the LBG rescaling) when Options.WordscoresRef is set.
//
// # Clusters
//
// k-means++ with Lloyd iterations (cluster.KMeans, 10 seedings) on X, the
// source for k clusters being rand.NewPCG(Seed, StreamKMeans+k). With
// Options.K = 0, k is the k in [2, min(KMax, n−1)] whose k-means partition
// has the largest mean silhouette (ties: the smaller k). Ward's linkage
// (cluster.Ward) on X, cut into the same k clusters (cluster.Cut). Labels
// are canonical: clusters are numbered in order of their first delegation by
// code.
//
// # Communities
//
// The edges form an undirected weighted graph (duplicates in either
// direction summed, self-loops ignored, edges of total weight 0 left out)
// whose nodes are the codes that have an edge, given ids 0, 1, … in sorted
// order. Louvain (community.Modularize, resolution γ = 1, source
// rand.NewPCG(Seed, StreamLouvain)) maximises
//
//	Q = 1/2m Σ_ij [ A_ij − γ k_i k_j / 2m ] δ(c_i, c_j),
//
// with A the weight matrix, k_i = Σ_j A_ij and 2m = Σ_i k_i; Modularity is
// Q of the communities found. Codes that are not among the delegations (a
// group, say) take part in the graph and in Communities.
//
// # Too few delegations
//
// With fewer than MinIncluded (3) included delegations, or no word shared
// by two of them, Build returns ErrTooFewDelegations: a map of two points
// and a partition of two into two say nothing.
//
// References:
//
//   - Escofier, B. and Pagès, J. (1994). Multiple factor analysis (AFMULT
//     package). Computational Statistics & Data Analysis 18(1): 121–140.
//   - Abdi, H., Williams, L. J. and Valentin, D. (2013). Multiple factor
//     analysis: principal component analysis for multitable and multiblock
//     data sets. WIREs Computational Statistics 5: 149–179.
//   - Blondel, V. D., Guillaume, J.-L., Lambiotte, R. and Lefebvre, E.
//     (2008). Fast unfolding of communities in large networks. Journal of
//     Statistical Mechanics P10008.
package corpus
