import { Type, type Static } from '@sinclair/typebox';

/** An ISO 8601 date-time, as 8.8's answers carry dates. */
export const DateTime = Type.String({ format: 'date-time' });

/** A date-time filter: the value, or operators (`$eq`, `$gt`, `$gte`, `$lt`, `$lte`, `$exists`). */
export const DateTimeFilter = Type.Union([
  DateTime,
  Type.Object(
    {
      $eq: Type.Optional(DateTime),
      $gt: Type.Optional(DateTime),
      $gte: Type.Optional(DateTime),
      $lt: Type.Optional(DateTime),
      $lte: Type.Optional(DateTime),
      $exists: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false },
  ),
]);
export type DateTimeFilter = Static<typeof DateTimeFilter>;
