"""Beamer slides (.tex) read as the slides show them: frame titles are headings under the
sections, a block's title labels its text, notes are text, overlay specifications are dropped,
and every frame cites the line it starts on even when no blank line parts the frames."""

from ingest.loaders import load
from ingest.parse import parse_document

DECK = r"""\documentclass{beamer}
\title{Regularisation}
\begin{document}
\frame{\titlepage}
\section{Dropout}
\begin{frame}[fragile]{What does dropout do?}{In one slide}
  \begin{itemize}
    \item It zeroes random activations while training
    \item<2-> so units cannot co-adapt
  \end{itemize}
\end{frame}
\begin{frame}[t]
  \frametitle<1->{Early stopping}
  Training stops when the validation loss stops improving. \pause
  It limits how far the weights travel.
\end{frame}
\begin{frame}{Quiz}
  \begin{block}{Question}
    Why does L2 regularisation shrink the weights?
  \end{block}
  \only<2>{\begin{alertblock}<2>{Answer} The penalty's gradient pulls each weight towards zero. \end{alertblock}}
\end{frame}
\begin{frame}{Review questions}
  \begin{enumerate}
    \item What is weight decay?
    \item Why normalise the inputs?
  \end{enumerate}
  \note{Ask the class before showing the next slide.}
\end{frame}
\end{document}
"""


def test_a_beamer_deck_reads_as_its_frames(tmp_path):
    (tmp_path / "deck.tex").write_text(DECK)
    items = parse_document(load(tmp_path / "deck.tex"), chunker=lambda t: [t])
    dropout = "Regularisation > Dropout"
    assert [(i.kind, i.section, i.question, i.locator) for i in items] == [
        ("qa", dropout, "What does dropout do?", "line 6"),
        ("chunk", f"{dropout} > Early stopping", "", "line 12"),
        ("qa", f"{dropout} > Quiz", "Why does L2 regularisation shrink the weights?", "line 17"),
        ("question", f"{dropout} > Review questions", "What is weight decay?", "line 23"),
        ("question", f"{dropout} > Review questions", "Why normalise the inputs?", "line 23"),
        ("chunk", f"{dropout} > Review questions", "", "line 23"),
    ]
    assert "so units cannot co-adapt" in items[0].answer and "<2->" not in items[0].answer
    assert items[1].answer.startswith("Training stops") and "It limits" in items[1].answer
    assert "[t]" not in items[1].answer and "fragile" not in items[0].answer
    assert items[2].answer == "The penalty's gradient pulls each weight towards zero."
    assert items[5].answer == "Ask the class before showing the next slide."


def test_an_overlay_needs_a_number_and_text_in_angle_brackets_is_kept(tmp_path):
    (tmp_path / "notes.tex").write_text(
        "\\section{Kernels}\nThe kernel $\\langle x, y \\rangle$ and $k<x>$ stay as written.\n"
    )
    (item,) = parse_document(load(tmp_path / "notes.tex"), chunker=lambda t: [t])
    assert "$k<x>$" in item.answer and "\\langle x, y \\rangle" in item.answer


def test_a_question_item_answered_by_the_items_nested_under_it(tmp_path):
    (tmp_path / "deck.tex").write_text(
        "\\begin{document}\n\\begin{frame}{Conclusion}\n\\begin{columns}[onlytextwidth]\n"
        "\\column{0.6\\textwidth}\n\\begin{itemize}\n\\item \\textit{What did we actually do?}\n"
        "\\begin{itemize}\n\\item We proved that the sample mean is the maximum likelihood\n"
        "estimator of the distribution mean.\n\\end{itemize}\n\\end{itemize}\n"
        "\\begin{column}[T]{0.4\\textwidth}\n\\begin{minipage}{0.9\\textwidth}\n"
        "\\begin{enumerate}\\item Bias \\item Variance\\end{enumerate}\n"
        "\\end{minipage}\n\\end{column}\n\\end{columns}\n\\end{frame}\n\\end{document}\n"
    )
    doc = load(tmp_path / "deck.tex")
    text = [line for _, line in doc.lines if line]
    # the columns' widths print nothing; nested items keep their level, numbered ones a number
    assert text == [
        "#### Conclusion",
        "- *What did we actually do?*",
        "    - We proved that the sample mean is the maximum likelihood",
        "        estimator of the distribution mean.",
        "1. Bias",
        "2. Variance",
    ]
    items = parse_document(doc, chunker=lambda t: [t])
    assert (items[0].kind, items[0].question) == ("qa", "What did we actually do?")
    assert items[0].answer.startswith("- We proved that the sample mean")
