/** Reads a language's questions.yaml: checks each question and compiles it to safe HTML. */
import { questionFileSchema, questionSchema, type Question, type SourceQuestion } from './schema.ts';
import { renderBlock, renderInline } from './markdown.ts';
import type { ProblemList } from './problems.ts';
import { check, lineOf, type YamlSource } from './yaml-source.ts';

export interface QuestionBank {
  questions: Record<string, Question>;
  lines: Record<string, number>;
}

const letter = (i: number) => String.fromCharCode(97 + i);

export function compileQuestionBank(src: YamlSource, problems: ProblemList): QuestionBank {
  const bank: QuestionBank = { questions: {}, lines: {} };
  const file = check(questionFileSchema, src, [], '', problems);
  if (!file) return bank;
  file.questions.forEach((_, index) => {
    const path = ['questions', index];
    const q = check(questionSchema, src, path, `questions[${index + 1}]`, problems);
    if (!q) return;
    const line = lineOf(src, path);
    const field = `questions[${index + 1}] (${q.id})`;
    if (bank.questions[q.id]) {
      problems.add(src.file, line, `${field}.id`, `duplicate question id "${q.id}" (first on line ${bank.lines[q.id]})`);
      return;
    }
    for (const message of answerKeyProblems(q)) problems.add(src.file, line, field, message);
    bank.questions[q.id] = compileQuestion(q);
    bank.lines[q.id] = line;
  });
  return bank;
}

/** Problems that make a question impossible to answer correctly or ambiguous. */
export function answerKeyProblems(q: SourceQuestion): string[] {
  const out: string[] = [];
  if (q.type === 'single' || q.type === 'multiple') {
    const correct = q.options.filter((o) => o.correct).length;
    if (q.type === 'single' && correct !== 1) out.push(`a single-choice question needs exactly one correct option (has ${correct})`);
    if (q.type === 'multiple' && correct === 0) out.push('a multiple-choice question needs at least one correct option');
    const texts = q.options.map((o) => o.text.trim());
    if (new Set(texts).size !== texts.length) out.push('two options have the same text');
  }
  if (q.type === 'ordering') {
    const texts = q.items.map((o) => o.text.trim());
    if (new Set(texts).size !== texts.length) out.push('two items have the same text, so their order cannot be told apart');
  }
  if (q.type === 'matching') {
    const lefts = q.pairs.map((p) => p.left.trim());
    if (new Set(lefts).size !== lefts.length) out.push('two pairs have the same left side');
  }
  return out;
}

function compileQuestion(q: SourceQuestion): Question {
  const prompt = renderBlock(q.prompt);
  switch (q.type) {
    case 'single':
    case 'multiple':
      return {
        id: q.id,
        type: q.type,
        prompt,
        explanation: renderBlock(q.explanation),
        options: q.options.map((o, i) => ({
          id: letter(i),
          html: renderInline(o.text),
          correct: o.correct,
          feedback: renderBlock(o.feedback),
        })),
      };
    case 'truefalse':
      return {
        id: q.id,
        type: 'truefalse',
        prompt,
        explanation: renderBlock(q.explanation),
        answer: q.answer,
        feedbackTrue: renderBlock(q.feedbackTrue),
        feedbackFalse: renderBlock(q.feedbackFalse),
      };
    case 'ordering':
      return {
        id: q.id,
        type: 'ordering',
        prompt,
        explanation: renderBlock(q.explanation),
        items: q.items.map((item, i) => ({
          id: letter(i),
          html: renderInline(item.text),
          feedback: item.feedback && renderBlock(item.feedback),
        })),
      };
    case 'matching': {
      const rights = [...new Set(q.pairs.map((p) => p.right.trim()))].sort((a, b) => a.localeCompare(b, 'fi'));
      return {
        id: q.id,
        type: 'matching',
        prompt,
        explanation: renderBlock(q.explanation),
        rights,
        pairs: q.pairs.map((p, i) => ({
          id: letter(i),
          left: renderInline(p.left),
          right: rights.indexOf(p.right.trim()),
          feedback: p.feedback && renderBlock(p.feedback),
        })),
      };
    }
    case 'reflection':
      return {
        id: q.id,
        type: 'reflection',
        prompt,
        guidance: renderBlock(q.guidance),
        explanation: q.explanation ? renderBlock(q.explanation) : '',
      };
  }
}

/** What must be the same in every language: the shape of the correct answer. */
export function answerKey(q: Question): string {
  switch (q.type) {
    case 'single':
    case 'multiple':
      return `${q.type}:${q.options.map((o) => (o.correct ? 1 : 0)).join('')}`;
    case 'truefalse':
      return `truefalse:${q.answer}`;
    case 'ordering':
      return `ordering:${q.items.length}`;
    case 'matching': {
      // Which lefts share a right, independent of the right's wording in each language.
      const firstWith = q.pairs.map((p) => q.pairs.findIndex((o) => o.right === p.right));
      return `matching:${firstWith.join(',')}`;
    }
    case 'reflection':
      return 'reflection';
  }
}
