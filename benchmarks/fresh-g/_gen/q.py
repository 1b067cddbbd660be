import json,sys,glob,os
sys.path.insert(0,'/work/wt/corpus-g')
from summarizer.models import Briefing
def fold(t): return t.translate(str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"}))
style=sys.argv[1]
for p in sorted(glob.glob(f'{style}/*.json')):
    aid=os.path.basename(p)[:-5]
    if aid.endswith('.errors'): continue
    d=json.load(open(p)); Briefing.model_validate(d)
    body=fold(open(f'articles/{aid}.md').read().split('---\n',2)[2])
    for i,q in enumerate(d['quotes']):
        if fold(q['text']) not in body: print('MISSING',aid,i,q['text'][:70])
print('done',style)
