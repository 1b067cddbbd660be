import json, os
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
def E(name, kind, role): return {"name": name, "kind": kind, "role": role}
def Q(text, speaker, context): return {"text": text, "speaker": speaker, "context": context}
def T(when, date, event): return {"when": when, "date": date, "event": event}
def B(headline, summary, key_points, entities, quotes, timeline, what_next, topics, what, where, when):
    return {"headline": headline, "summary": summary, "key_points": key_points, "entities": entities,
            "quotes": quotes, "timeline": timeline, "what_next": what_next, "topics": topics,
            "event": {"what": what, "where": where, "when": when}}
def save(style, aid, data):
    d = os.path.join(ROOT, style)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, aid + ".json"), "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=2); f.write("\n")
