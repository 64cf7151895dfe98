"""Deterministic stand-ins for an LLM, faithful to the one-method interface (`stream`)."""

import json
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
    """A tiny OpenAI-compatible server on loopback: streams `reply` as SSE chunks and records
    each request body and Authorization header."""

    def __init__(self, reply: str):
        self.reply = reply
        self.requests = []
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
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                for word in stub.reply.split(" "):
                    chunk = {"choices": [{"index": 0, "delta": {"content": word + " "}}]}
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                self.wfile.write(b"data: [DONE]\n\n")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()
