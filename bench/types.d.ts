/**
 * Ambient declarations for the baseline packages the evaluation and benchmark compare
 * the coach against; they ship no types of their own. Only what bench/ uses is declared.
 * Both are CommonJS, so they are imported through their default export (module.exports).
 */

declare module 'vader-sentiment' {
  export interface PolarityScores {
    neg: number;
    neu: number;
    pos: number;
    /** Normalised sum, −1 (most negative) … +1 (most positive). */
    compound: number;
  }
  const vader: {
    SentimentIntensityAnalyzer: { polarity_scores(text: string): PolarityScores };
  };
  export default vader;
}

declare module 'write-good' {
  export interface WriteGoodSuggestion {
    index: number;
    offset: number;
    reason: string;
  }
  function writeGood(text: string, options?: Record<string, unknown>): WriteGoodSuggestion[];
  export default writeGood;
}

declare module 'autocannon' {
  namespace autocannon {
    interface Request {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string;
    }
    interface Options {
      url: string;
      connections?: number;
      duration?: number;
      method?: string;
      headers?: Record<string, string>;
      body?: string;
    }
    interface Histogram {
      average: number;
      p50: number;
      p99: number;
      max: number;
      /** For `requests`: how many were answered in all. */
      total: number;
    }
    interface Result {
      requests: Histogram;
      latency: Histogram;
      errors: number;
      non2xx: number;
    }
  }
  function autocannon(
    options: autocannon.Options & { setupRequest?: (req: autocannon.Request) => autocannon.Request },
    done: (error: Error | null, result: autocannon.Result) => void,
  ): unknown;
  export default autocannon;
}
