package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plenary/plenary/datasets/gazetteer"
)

// span is a byte range [start, end) in some string.
type span struct{ start, end int }

// roughSentences splits a paragraph into sentences at ., ? or ! followed by
// a space and a capital letter, a digit or a quote, skipping common
// abbreviations. It is a cheap splitter for ingest's own decisions (floor
// giving, agenda announcements); the sentences of the output tables come
// from the nlp stage.
func roughSentences(s string) []span {
	var out []span
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '.' && c != '?' && c != '!' {
			continue
		}
		j := i + 1
		for j < len(s) && (s[j] == '.' || s[j] == '"' || s[j] == '\'' || s[j] == ')') {
			j++
		}
		if j < len(s) && s[j] != ' ' && s[j] != '\n' {
			i = j - 1
			continue
		}
		k := j
		for k < len(s) && (s[k] == ' ' || s[k] == '\n') {
			k++
		}
		if k < len(s) {
			r, _ := utf8.DecodeRuneInString(s[k:])
			if !(unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '\'' || r == '[') || isAbbrevEnd(s[start:i+1]) {
				i = j - 1
				continue
			}
		}
		out = append(out, span{start, j})
		start = k
		i = k - 1
	}
	if strings.TrimSpace(s[start:]) != "" {
		out = append(out, span{start, len(s)})
	}
	return out
}

var abbreviations = []string{"mr.", "mrs.", "ms.", "dr.", "h.e.", "st.", "no.", "vs.", "e.g.", "i.e.", "amb.", "prof."}

func isAbbrevEnd(s string) bool {
	low := strings.ToLower(s)
	for _, a := range abbreviations {
		if strings.HasSuffix(low, " "+a) || low == a {
			return true
		}
	}
	return false
}

// floorCues are phrases that give the floor.
var floorCues = []string{"floor", "please", "followed by", "proceed", "go ahead", "invite", "hear from", "over to", "you have", "your turn", "recogni", "next speaker", "call on", "call upon", "on my list", "next is", "turn to"}

// agendaTurn is a "turn to" that moves to an agenda item or the
// programme of work, not to a speaker ("we will now turn to agenda item
// five", "before we turn to the programme of work").
var agendaTurn = regexp.MustCompile(`turn\s+to\s+(the\s+|our\s+)?(next\s+|following\s+|last\s+)?(agenda|(sub-?)?items?\b|questions?\b|issues?\b|topics?\b|discussions?\b|programm?e\s+of\s+work|the\s+(next|following)\s+(agenda|item|sub-?item|segment))`)

func hasFloorCue(s string) bool {
	low := agendaTurn.ReplaceAllString(strings.ToLower(s), "")
	for _, c := range floorCues {
		if strings.Contains(low, c) {
			return true
		}
	}
	return false
}

// maxFloorSentences bounds how far back from the end of a Chair paragraph
// the floor-giving is looked for.
const maxFloorSentences = 8

// floorGiven finds whom a Chair paragraph gives the floor to at its end.
// Walking back from the last sentence, the first delegation named that is
// not thanked ("Thank you, Israel."), not announced as a later speaker
// ("followed by China and Brazil", "Ghana will follow", "we will come back
// to Peru"), and not a group someone speaks for ("Nigeria, on behalf of the
// African Group") is the one given the floor, provided a floor cue occurs
// in that sentence or after it. gives is true when the paragraph ends by
// giving the floor, named is true when it names to whom.
func (in *Ingester) floorGiven(para string) (to speaker, named, gives bool) {
	sents := roughSentences(para)
	mentions := in.gaz.Find(para)
	cue := false
	for k := len(sents) - 1; k >= 0 && k >= len(sents)-maxFloorSentences; k-- {
		s := sents[k]
		cue = cue || hasFloorCue(para[s.start:s.end])
		if !cue {
			continue
		}
		for m := len(mentions) - 1; m >= 0; m-- {
			mt := mentions[m]
			if mt.Start < s.start || mt.End > s.end || mt.Demonym || notGivenFloor(para, s, mentions, m) {
				continue
			}
			if e, ok := in.gaz.ByCode(mt.Code); ok {
				return speaker{role: roleOf(e.Kind), code: e.Code}, true, true
			}
		}
	}
	return speaker{}, false, cue
}

// notGivenFloor reports whether mention m of sentence s is named for
// another reason than being given the floor.
func notGivenFloor(para string, s span, mentions []gazetteer.Match, m int) bool {
	mt := mentions[m]
	before, after := para[s.start:mt.Start], para[mt.End:s.end]
	return thanked(before) || backLater.MatchString(before) || behalf.MatchString(before) ||
		willFollow.MatchString(after) || laterInList(para, s.start, mentions, m)
}

var (
	thankYou   = regexp.MustCompile(`(?i)\b(thank\s+you|thanks|thank)\b`)
	followedBy = regexp.MustCompile(`(?i)\b(followed\s+by|and\s+then)\b`)
	backLater  = regexp.MustCompile(`(?i)\b(come\s+back|return|go\s+back|revert)\s+to\s+(the\s+)?(delegation\s+of\s+(the\s+)?)?$`)
	behalf     = regexp.MustCompile(`(?i)\b(on\s+behalf\s+of|speaking\s+for|in\s+the\s+name\s+of)\s+(the\s+)?$`)
	// willFollow matches what comes after the name of a later speaker:
	// "Ghana will follow", "Ghana is next", "Ghana, to follow", "Ghana,
	// please be ready".
	willFollow = regexp.MustCompile(`(?i)^[\s,]*((will|would|shall|is\s+going\s+to)\s+follow|is\s+next|to\s+follow|(please\s+)?(be|get)\s+(ready|prepared)|(please\s+)?stand\s+by)\b`)
)

// listWords may stand between the names of a list of later speakers.
var laterListWords = map[string]bool{"and": true, "the": true, "then": true, "delegation": true, "delegations": true, "of": true, "also": true}

// laterInList reports whether mention m belongs to a list of speakers
// announced after "followed by" in the same sentence: "followed by
// Colombia and Switzerland" names two later speakers.
func laterInList(para string, sentStart int, mentions []gazetteer.Match, m int) bool {
	before := para[sentStart:mentions[m].Start]
	locs := followedBy.FindAllStringIndex(before, -1)
	if len(locs) == 0 {
		return false
	}
	from := sentStart + locs[len(locs)-1][1]
	var gap strings.Builder
	for j := 0; j < m; j++ {
		if mentions[j].End <= from {
			continue
		}
		gap.WriteString(para[from:mentions[j].Start])
		gap.WriteByte(' ')
		from = mentions[j].End
	}
	gap.WriteString(para[from:mentions[m].Start])
	for _, w := range strings.FieldsFunc(gap.String(), func(r rune) bool { return r == ' ' || r == ',' || r == '\n' }) {
		if !laterListWords[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// thankFillers are the words that may stand between "thank you" and the
// name of the delegation thanked.
var thankFillers = map[string]bool{"very": true, "much": true, "so": true, "again": true, "to": true, "the": true,
	"distinguished": true, "delegation": true, "delegate": true, "representative": true, "of": true, "dear": true,
	"colleague": true, "colleagues": true, "from": true, "indeed": true, "you": true}

// thanked reports whether the text before a mention ends with a thanks
// addressed to it: "Thank you very much, " + name.
func thanked(before string) bool {
	locs := thankYou.FindAllStringIndex(before, -1)
	if len(locs) == 0 {
		return false
	}
	rest := before[locs[len(locs)-1][1]:]
	for _, w := range strings.FieldsFunc(rest, func(r rune) bool { return r == ' ' || r == ',' || r == '\n' }) {
		if !thankFillers[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// speechOpener matches the way a delegation's speech starts.
var speechOpener = regexp.MustCompile(`(?i)^\W*(thank\s+you[^.]{0,40}\b(chair|chairman|chairperson|president)\b|thank\s+you[,\s]+(very\s+much[,\s]+)?(mr\.?|madam|madame|mister)\s+(chair|chairman|chairperson|president)|thanks?\s+(you\s+)?(mr\.?|madam|madame)|(mr\.?|madam|madame|mister)\s+(chair|chairman|chairperson|president)|chair(man|person)?\s*[,.]|merci|gracias|excellenc|distinguished\s+chair|my\s+delegation|the\s+view\s+of\s+my\s+delegation)`)

// statementThanks matches the Chair's thanks for a statement.
var statementThanks = regexp.MustCompile(`(?i)\bfor\s+(your|the|that|this|its|their)\s+(statement|intervention|remarks|comments)`)

// bareThanks is an opening sentence of thanks alone ("Thank you."), which
// the Chair says before giving the floor and a speaker seldom ends at.
var bareThanks = regexp.MustCompile(`(?i)^\W*(thank\s+you|thanks)(\s+(very|so)\s+much)?(\s+indeed)?\W*$`)

// opensWithThanks matches a paragraph that opens by thanking someone.
var opensWithThanks = regexp.MustCompile(`(?i)^\W*((thank\s+you|thanks|many\s+thanks)\b|(i|we)\s+(would\s+like\s+to\s+)?thank\b)`)

// personTitle matches thanks addressed to a person by title ("Thank you,
// Ms. Sorensen").
var personTitle = regexp.MustCompile(`(?i)^\W*(thank\s+you|thanks|i\s+thank)[\s,]+(very\s+much[\s,]+)?(mr|ms|mrs|dr|professor|prof|ambassador)\b\.?\s+[A-Z]`)

// chairLike reports whether paragraph text, which follows cur's speech
// with no heading, reads like the Chair: it opens by thanking the speaker
// who just spoke ("Thank you, ROK."; a titled person when that speaker is
// unknown), or it opens by thanking a delegation or for a statement and
// ends by giving the floor to a delegation named in it. A paragraph that
// thanks the Chair ("Thank you, Mr. Chair") is a speech, never the Chair.
func (in *Ingester) chairLike(text string, cur speaker) bool {
	sents := roughSentences(text)
	if len(sents) == 0 {
		return false
	}
	first := text[sents[0].start:sents[0].end]
	if !opensWithThanks.MatchString(first) || speechOpener.MatchString(first) {
		return false
	}
	if cur.role != RoleChair && in.thanksSpeaker(first, cur) {
		return true
	}
	if bareThanks.MatchString(first) {
		return in.shortFloorGiving(text, sents)
	}
	if !statementThanks.MatchString(first) && !in.namesDelegation(first) {
		return false
	}
	_, named, gives := in.floorGiven(text)
	return gives && named
}

// shortFloorGiving reports whether a paragraph that opens with a bare
// "Thank you." is the Chair's: at most three sentences, ending by giving
// the floor to a named delegation in the Chair's words ("France, you have
// the floor, to be followed by India."; "Kenya, please.").
func (in *Ingester) shortFloorGiving(text string, sents []span) bool {
	if len(sents) > 3 || !chairFloorWords.MatchString(text[sents[len(sents)-1].start:]) {
		return false
	}
	_, named, gives := in.floorGiven(text)
	return gives && named
}

// chairFloorWords are the Chair's own ways of giving the floor.
var chairFloorWords = regexp.MustCompile(`(?i)\b(you\s+have\s+the\s+floor|give\s+(you\s+)?the\s+floor|followed\s+by|to\s+follow)\b|,\s*please\W*$`)

// thanksSpeaker reports whether the opening sentence thanks cur itself,
// which the speaker would not do.
func (in *Ingester) thanksSpeaker(first string, cur speaker) bool {
	if cur.code == "" {
		return cur.role == RoleOther && personTitle.MatchString(first)
	}
	for _, m := range in.gaz.Find(first) {
		if m.Code == cur.code && !m.Demonym && thanked(first[:m.Start]) {
			return true
		}
	}
	return false
}

func (in *Ingester) namesDelegation(s string) bool {
	for _, m := range in.gaz.Find(s) {
		if !m.Demonym {
			return true
		}
	}
	return false
}
