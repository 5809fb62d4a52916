// Package scaling places documents on a single latent dimension from their
// word counts.
//
// Two classic text-scaling models are provided:
//
//   - [Wordfish], the unsupervised Poisson scaling model of Slapin and
//     Proksch (2008), estimated by conditional maximum likelihood with the
//     identification, priors and stopping rule of the R package
//     quanteda.textmodels (textmodel_wordfish), so that its published
//     estimates are reproduced.
//   - [Wordscores], the supervised scaling model of Laver, Benoit and Garry
//     (2003): reference texts with known positions score the words, and the
//     word scores score the other ("virgin") texts, optionally rescaled with
//     [WordscoresFit.RescaleLBG].
//
// Both take a document-by-feature count matrix (rows are documents, columns
// are features) as a *mat.Dense. [DropEmpty] removes documents and features
// with zero total count, which Wordfish cannot estimate.
//
// References:
//
//   - Slapin, J. B. and Proksch, S.-O. (2008). A Scaling Model for Estimating
//     Time-Series Party Positions from Texts. American Journal of Political
//     Science 52(3): 705–722.
//   - Laver, M., Benoit, K. and Garry, J. (2003). Extracting Policy Positions
//     from Political Texts Using Words as Data. American Political Science
//     Review 97(2): 311–331.
package scaling
