package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
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
var floorCues = []string{"floor", "please", "followed by", "proceed", "go ahead", "invite", "hear from", "over to", "you have", "your turn", "recogni", "next speaker", "call on", "call upon"}

func hasFloorCue(s string) bool {
	low := strings.ToLower(s)
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
// neither thanked ("Thank you, Israel.") nor announced as a later speaker
// ("followed by China") is the one given the floor, provided a floor cue
// occurs in that sentence or after it. gives is true when the paragraph
// ends by giving the floor, named is true when it names to whom.
func (in *Ingester) floorGiven(para string) (to speaker, named, gives bool) {
	sents := roughSentences(para)
	mentions := in.gaz.Find(para)
	cue := false
	for k := len(sents) - 1; k >= 0 && k >= len(sents)-maxFloorSentences; k-- {
		s := sents[k]
		sentence := para[s.start:s.end]
		cue = cue || hasFloorCue(sentence)
		for m := len(mentions) - 1; m >= 0; m-- {
			mt := mentions[m]
			if mt.Start < s.start || mt.End > s.end || mt.Demonym || !cue {
				continue
			}
			before := para[s.start:mt.Start]
			if thanked(before) || announcedLater(before) || followsLater(para[mt.End:s.end]) {
				continue
			}
			e, ok := in.gaz.ByCode(mt.Code)
			if !ok {
				continue
			}
			return speaker{role: roleOf(e.Kind), code: e.Code}, true, true
		}
	}
	return speaker{}, false, cue
}

var (
	followedBy = regexp.MustCompile(`(?i)(followed\s+by|and\s+then)[\s,]*(the\s+)?(delegation\s+of\s+(the\s+)?)?$`)
	thankYou   = regexp.MustCompile(`(?i)\b(thank\s+you|thanks)\b`)
)

// willFollow matches what comes after the name of a later speaker: "Ghana
// will follow", "Ghana is next", "Ghana, to follow".
var willFollow = regexp.MustCompile(`(?i)^[\s,]*((will|would|shall|is\s+going\s+to)\s+follow|is\s+next|to\s+follow)\b`)

// followsLater reports whether the text right after a mention announces it
// as a later speaker.
func followsLater(after string) bool { return willFollow.MatchString(after) }

// announcedLater reports whether the text just before a mention announces
// it as a later speaker ("to be followed by").
func announcedLater(before string) bool { return followedBy.MatchString(before) }

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
var speechOpener = regexp.MustCompile(`(?i)^\W*(thank\s+you[^.]{0,40}\b(chair|chairman|chairperson|president)\b|thank\s+you[,\s]+(very\s+much[,\s]+)?(mr\.?|madam|madame|mister)\s+(chair|chairman|chairperson|president)|thanks?\s+(you\s+)?(mr\.?|madam|madame)|(mr\.?|madam|madame|mister)\s+(chair|chairman|chairperson|president)|chair(man|person)?\s*[,.]|merci|gracias|excellenc|distinguished\s+(chair|delegates|colleagues)|my\s+delegation|the\s+view\s+of\s+my\s+delegation)`)

// statementThanks matches the Chair's thanks for a statement.
var statementThanks = regexp.MustCompile(`(?i)\bfor\s+(your|the|that|this)\s+(statement|intervention|remarks|comments)`)

// chairLike reports whether a paragraph reads like the Chair managing the
// floor: it opens by thanking a delegation (or for a statement) and ends by
// giving the floor to a delegation named in it.
func (in *Ingester) chairLike(text string) bool {
	sents := roughSentences(text)
	if len(sents) == 0 {
		return false
	}
	first := text[sents[0].start:sents[0].end]
	if !thankYou.MatchString(first) || speechOpener.MatchString(first) {
		return false
	}
	if !statementThanks.MatchString(first) && !in.namesDelegation(first) {
		return false
	}
	_, named, gives := in.floorGiven(text)
	return gives && named
}

func (in *Ingester) namesDelegation(s string) bool {
	for _, m := range in.gaz.Find(s) {
		if !m.Demonym {
			return true
		}
	}
	return false
}
