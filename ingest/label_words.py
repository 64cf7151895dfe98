"""The words that label a question or its answer, in the languages banks are written in."""

# Question and answer labels, English and Chinese (问/问题/题目, 答/答案/解答/回答/解), with an
# ASCII or full-width colon in the bold or after it (`**Q**: …`); 解 and a flashcard's sides
# (named as Anki names a basic card's fields) only before a colon. Other languages' words for
# "question" and for "answer" / "solution" (Spanish, Portuguese, French, German, Italian, Dutch,
# Polish, Turkish, Vietnamese, Indonesian, Russian) label alike.
_SIDE_COLON = r"(?=(?:\*\*|__)?\s*[:：])"
_Q_FOREIGN = r"Pregunta|Pergunta|Frage|Domanda|Vraag|Pytanie|Soru|Câu hỏi|Pertanyaan|Вопрос"
_A_FOREIGN = (
    r"Respuesta|Resposta|Réponse|Antwort|Risposta|Antwoord|Odpowiedź|Cevap|Trả lời|Đáp án"
    r"|Jawaban|Ответ|Solución|Solução|Lösung|Soluzione|Oplossing|Rozwiązanie|Çözüm|Lời giải"
)
Q_WORD = rf"(?:Q|Question|{_Q_FOREIGN}|问题?|题目|Front{_SIDE_COLON})"
A_WORD = (
    rf"(?:A|Ans|Answer|Solution|Proof|Approach|{_A_FOREIGN}|答案?|解答|回答|解{_SIDE_COLON}"
    rf"|Back{_SIDE_COLON})"
)
