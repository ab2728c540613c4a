import { unstorableTextIssues } from "@lethe/contracts";
import type { RequestHandler } from "express";
import { ApiError } from "../api-error";

/**
 * Applies the contracts' storable-text rule to every part of every request before its handler
 * runs: a NUL or an unpaired surrogate anywhere — a value, a key, a query parameter, a path
 * parameter — is a 400 `validation_failed` naming the field, instead of a database error (500).
 */
export const refuseUnstorableText: RequestHandler = (request, _response, next) => {
  const issues = [
    ...unstorableTextIssues(request.params, "params"),
    ...unstorableTextIssues(request.query, "query"),
    ...unstorableTextIssues(request.body, "body"),
  ];
  if (issues.length === 0) return next();
  next(new ApiError(400, "validation_failed", `invalid input: ${issues.map((issue) => issue.path).join(", ")}`, issues));
};
