/** Reads a language's questions.yaml: checks each question and compiles it to safe HTML. */
import type { z } from 'zod';
import { questionFileSchema, questionSchema, type Lang, type Question, type SourceQuestion } from './schema.ts';
import { QUESTION_CONTENT } from '../course/questions/content-registry.ts';
import type { QualityItem, QuestionContent } from '../course/questions/question-content.ts';
import type { QuestionTypeName } from '../course/questions/registry.ts';
import { renderBlock, renderInline } from './markdown.ts';
import type { ProblemList } from './problems.ts';
import { check, lineOf, type YamlSource } from './yaml-source.ts';

export interface QuestionBank {
  questions: Record<string, Question>;
  lines: Record<string, number>;
}

/** @param lang the language of the file (a rewrite exercise's texts default to it) */
export function compileQuestionBank(src: YamlSource, problems: ProblemList, lang: Lang): QuestionBank {
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
    bank.questions[q.id] = compileQuestion(q, lang);
    bank.lines[q.id] = line;
  });
  return bank;
}

/** Problems that make a question impossible to answer correctly or ambiguous. */
export function answerKeyProblems(q: SourceQuestion): string[] {
  return contentOf(q.type).problems(q);
}

function compileQuestion(q: SourceQuestion, lang: Lang): Question {
  return contentOf(q.type).compile(q, { md: { block: renderBlock, inline: renderInline }, lang });
}

/** What must be the same in every language: the shape of the correct answer. */
export function answerKey(q: Question): string {
  return contentOf(q.type).answerKey(q);
}

/** What the item-writing checks read from a question, if its type has an answer key to check. */
export function qualityItem(q: Question): QualityItem | undefined {
  return contentOf(q.type).qualityItem?.(q);
}

/** A type's content module, for any question of that type. */
function contentOf(type: QuestionTypeName): QuestionContent<z.ZodObject, Question> {
  return QUESTION_CONTENT[type] as unknown as QuestionContent<z.ZodObject, Question>;
}
