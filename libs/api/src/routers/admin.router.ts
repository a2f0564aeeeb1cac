import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import {
  deleteUserSessions,
  findOrganization,
  findUserByEmail,
  findUserById,
  insertUser,
  listReps,
  listUsers,
  recordAudit,
  renameOrganization,
  updateUser,
} from '@tessera/db'
import { Role } from '@tessera/domain'
import { newId } from '../collab/access.js'
import { hashPassword } from '../passwords.js'
import { roleProcedure, router } from '../trpc.js'
import type { Caller } from './scenario-access.js'

const id = z.string().min(1).max(100)

const Name = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} cannot be empty.`)
    .max(120, `${what} is at most 120 characters.`)
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), {
      message: `${what} cannot contain control characters.`,
    })

const Password = z
  .string()
  .min(12, 'A password has at least 12 characters.')
  .max(200, 'A password is at most 200 characters.')

const adminProcedure = roleProcedure('admin')

/** A user of the caller's organization (anything else is "not found"). */
async function userOfOrg(ctx: Caller, userId: string) {
  const user = await findUserById(ctx.db, userId)
  if (!user || user.org_id !== ctx.user.orgId)
    throw new TRPCError({ code: 'NOT_FOUND', message: 'No such user.' })
  return user
}

/** A rep link must name a rep of the organization, and only a rep user has one. */
async function checkRepLink(
  ctx: Caller,
  role: Role,
  repId: string | null | undefined,
) {
  if (!repId) return null
  if (role !== 'rep')
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'Only a rep user is linked to a rep.',
    })
  const reps = await listReps(ctx.db, ctx.user.orgId)
  if (!reps.some((r) => r.id === repId))
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'That rep is not in your organization.',
    })
  return repId
}

const publicRow = (u: Awaited<ReturnType<typeof listUsers>>[number]) => ({
  id: u.id,
  email: u.email,
  displayName: u.display_name,
  role: u.role,
  repId: u.rep_id,
})

/**
 * The organization's users and settings, for admins only: list, add (with a first
 * password), change name, role or rep link, reset a password (which signs the user out
 * everywhere), and rename the organization. An admin cannot change their own role, and the
 * last admin cannot be demoted: the organization is never left without one. Audited.
 */
export const adminRouter = router({
  users: adminProcedure.query(async ({ ctx }) => {
    const [org, users, reps] = await Promise.all([
      findOrganization(ctx.db, ctx.user.orgId),
      listUsers(ctx.db, ctx.user.orgId),
      listReps(ctx.db, ctx.user.orgId),
    ])
    return {
      organization: org ?? { id: ctx.user.orgId, name: '' },
      users: users.map(publicRow),
      reps: reps.map((r) => ({ id: r.id, name: r.name })),
    }
  }),

  createUser: adminProcedure
    .input(
      z.object({
        email: z
          .string()
          .trim()
          .toLowerCase()
          .max(320)
          .email('Enter a valid email address.'),
        displayName: Name('A name'),
        role: Role,
        repId: id.nullable().default(null),
        password: Password,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      if (await findUserByEmail(ctx.db, input.email))
        throw new TRPCError({
          code: 'CONFLICT',
          message: `${input.email} already has a Tessera sign-in.`,
        })
      const repId = await checkRepLink(ctx, input.role, input.repId)
      const userId = newId('usr')
      const passwordHash = await hashPassword(input.password)
      await ctx.db.transaction().execute(async (tx) => {
        await insertUser(tx, {
          id: userId,
          org_id: ctx.user.orgId,
          email: input.email,
          display_name: input.displayName,
          password_hash: passwordHash,
          role: input.role,
          rep_id: repId,
        })
        await recordAudit(tx, {
          orgId: ctx.user.orgId,
          actorId: ctx.user.id,
          action: 'admin.user.create',
          subjectType: 'user',
          subjectId: userId,
          details: { email: input.email, role: input.role, repId },
        })
      })
      return { userId }
    }),

  updateUser: adminProcedure
    .input(
      z.object({
        userId: id,
        displayName: Name('A name').optional(),
        role: Role.optional(),
        repId: id.nullable().optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const user = await userOfOrg(ctx, input.userId)
      const role = input.role ?? user.role
      if (role !== user.role) {
        if (user.id === ctx.user.id)
          throw new TRPCError({
            code: 'FORBIDDEN',
            message:
              'You cannot change your own role: ask another admin to do it.',
          })
        if (user.role === 'admin') {
          const admins = (await listUsers(ctx.db, ctx.user.orgId)).filter(
            (u) => u.role === 'admin',
          )
          if (admins.length <= 1)
            throw new TRPCError({
              code: 'CONFLICT',
              message: 'The organization needs at least one admin.',
            })
        }
      }
      // A user who stops being a rep loses the link; a rep keeps theirs unless changed.
      const repId =
        role === 'rep'
          ? await checkRepLink(
              ctx,
              role,
              input.repId === undefined ? user.rep_id : input.repId,
            )
          : null
      await ctx.db.transaction().execute(async (tx) => {
        await updateUser(tx, user.id, {
          ...(input.displayName ? { display_name: input.displayName } : {}),
          role,
          rep_id: repId,
        })
        await recordAudit(tx, {
          orgId: ctx.user.orgId,
          actorId: ctx.user.id,
          action: 'admin.user.update',
          subjectType: 'user',
          subjectId: user.id,
          details: {
            from: { role: user.role, repId: user.rep_id },
            to: { role, repId },
            ...(input.displayName ? { displayName: input.displayName } : {}),
          },
        })
      })
      return { ok: true }
    }),

  resetPassword: adminProcedure
    .input(z.object({ userId: id, password: Password }))
    .mutation(async ({ ctx, input }) => {
      const user = await userOfOrg(ctx, input.userId)
      const passwordHash = await hashPassword(input.password)
      await ctx.db.transaction().execute(async (tx) => {
        await updateUser(tx, user.id, { password_hash: passwordHash })
        await deleteUserSessions(tx, user.id)
        await recordAudit(tx, {
          orgId: ctx.user.orgId,
          actorId: ctx.user.id,
          action: 'admin.user.password',
          subjectType: 'user',
          subjectId: user.id,
          details: {},
        })
      })
      return { ok: true }
    }),

  renameOrganization: adminProcedure
    .input(z.object({ name: Name('The organization’s name') }))
    .mutation(async ({ ctx, input }) => {
      await ctx.db.transaction().execute(async (tx) => {
        await renameOrganization(tx, ctx.user.orgId, input.name)
        await recordAudit(tx, {
          orgId: ctx.user.orgId,
          actorId: ctx.user.id,
          action: 'admin.org.rename',
          subjectType: 'organization',
          subjectId: ctx.user.orgId,
          details: { name: input.name },
        })
      })
      return { ok: true }
    }),
})
