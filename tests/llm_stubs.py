"""Deterministic stand-ins for an LLM, faithful to the one-method interface (`stream`)."""

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class EchoLLM:
    """Streams back the last user message, so a test can assert what the prompt contained."""

    name = "echo"

    def __init__(self):
        self.calls = []

    def stream(self, messages, max_tokens=256):
        self.calls.append(messages)
        text = messages[-1]["content"]
        for i in range(0, len(text), 7):
            yield text[i : i + 7]


class ScriptedLLM:
    """Answers every request with the next scripted reply, in small pieces."""

    name = "scripted"

    def __init__(self, *replies):
        self.replies = list(replies)
        self.calls = []

    def stream(self, messages, max_tokens=256):
        self.calls.append(messages)
        reply = self.replies.pop(0)
        for word in reply.split(" "):
            yield word + " "


class OpenAIStub:
    """A tiny OpenAI-compatible server on loopback: answers with `reply` (a string, or a function
    of the request body), streamed as SSE chunks when asked to stream, and records each request
    body and Authorization header. With `hold`, a streamed reply is sent but not ended until
    the event is set."""

    def __init__(self, reply, hold: threading.Event | None = None):
        self.reply = reply
        self.requests = []
        self.hold = hold  # a streamed reply waits for it before it ends: a turn still running
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                stub.requests.append((self.path, body, self.headers.get("Authorization")))
                if self.path != "/v1/chat/completions":
                    self.send_response(404)
                    self.end_headers()
                    return
                reply = stub.reply(body) if callable(stub.reply) else stub.reply
                self.send_response(200)
                if not body.get("stream"):
                    message = {"role": "assistant", "content": reply}
                    data = json.dumps({
                        "id": "stub", "object": "chat.completion", "created": 0,
                        "model": body.get("model", "stub"),
                        "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
                        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                    }).encode()  # fmt: skip
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                    return
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                for word in reply.split(" "):
                    chunk = {"choices": [{"index": 0, "delta": {"content": word + " "}}]}
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                self.wfile.flush()
                if stub.hold is not None:
                    stub.hold.wait(timeout=120)
                self.wfile.write(b"data: [DONE]\n\n")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\[\d+\]", "", text)).strip(" .").lower()


def _sentences(text: str) -> list[str]:
    return [s for s in (_plain(p) for p in re.split(r"(?<=[.!?])\s+", text)) if s]


def ragas_judge(body: dict) -> str:
    """A deterministic judge for ragas' prompts: statements are the answer's sentences; a
    statement is supported when the context contains it word for word; correctness matches
    statements the same way. Anything else gets a short plain answer."""
    prompt = body["messages"][-1]["content"]
    if "input: " not in prompt:
        return "A stub answer."
    data = json.loads(prompt.rsplit("input: ", 1)[1].rsplit("\nOutput:", 1)[0])

    def is_output(title: str) -> bool:
        return f'"title": "{title}"' in prompt

    if is_output("StatementGeneratorOutput"):
        out = {"statements": _sentences(data["answer"])}
    elif is_output("NLIStatementOutput"):
        context = _plain(data["context"])
        out = {"statements": [
            {"statement": s, "reason": "stub", "verdict": int(_plain(s) in context)}
            for s in data["statements"]
        ]}  # fmt: skip
    elif is_output("AnswerRelevanceOutput"):
        out = {"question": _sentences(data["response"])[0] + "?", "noncommittal": 0}
    elif is_output("ClassificationWithReason"):
        truth = [_plain(t) for t in data["ground_truth"]]
        hit = [a for a in data["answer"] if any(_plain(a) in t or t in _plain(a) for t in truth)]
        found = [t for t in data["ground_truth"] if any(_plain(a) in _plain(t) for a in hit)]
        out = {
            "TP": [{"statement": a, "reason": "stub"} for a in hit],
            "FP": [{"statement": a, "reason": "stub"} for a in data["answer"] if a not in hit],
            "FN": [{"statement": t, "reason": "stub"} for t in data["ground_truth"]
                   if t not in found],
        }  # fmt: skip
    else:
        raise AssertionError(f"the stub judge does not know this prompt: {prompt[:200]}")
    return json.dumps(out)
