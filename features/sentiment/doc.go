// Package sentiment scores the tone of sentences from UN meetings without
// being fooled by diplomatic language.
//
// It is a VADER-style scorer (Hutto & Gilbert 2014: lexicon valence,
// boosters and dampeners, negation within three words, "but" shifting
// weight, caps and punctuation emphasis, compound = x/√(x²+15)) written for
// plenary from the paper, with the VADER lexicon as data, and two changes
// that the register of multilateral diplomacy needs:
//
//   - Courtesy formulae are kept apart. Nearly every speaker thanks the
//     Chair, congratulates him, greets the room and praises his "tireless
//     efforts": positive words that say nothing about the speaker's
//     position. Spans that match a courtesy pattern are masked before the
//     rest of the sentence is scored; their own tone is reported separately
//     (Sentence.CourtesyCompound), and a sentence that is mostly formula is
//     a courtesy sentence (Sentence.Courtesy).
//   - Topic words are neutral. "Threat", "attack", "malicious", "ransomware"
//     and "critical infrastructure", but also "security", "peaceful" and
//     "confidence" (-building measures), name the subject matter of ICT
//     security, not an attitude; their valence is set to 0. Attitude words
//     ("regret", "concern", "oppose", "welcome", "support", "constructive")
//     keep or get a valence.
//
// Every choice is data, in datasets/lexicons/sentiment (embedded, with a
// README giving the provenance and the reason for each change): the
// lexicon, the general rule words, the courtesy patterns, the topic terms
// and the domain adjustments. Parse reads user-supplied versions.
//
// Each Sentence lists its Cues (the words that carried valence, with their
// negator: "not support", "no objection") and what was Masked, so that a
// scholar can check every score, as with the stance evidence.
//
// What it does not do: it scores tone, not stance towards a target (that
// is the stance model's job); it does not resolve attribution ("some
// delegations claimed …" is scored as if the speaker said it) nor
// rhetorical double negation beyond the three-word window ("it would be
// wrong to say we oppose"); it knows no emoticons or emoji (transcripts
// have none).
package sentiment
