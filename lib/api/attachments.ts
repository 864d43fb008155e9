import { queryOptions, type UseMutationOptions } from '@tanstack/react-query';
import { restSchemas } from '@/lib/protocol';
import { attachmentKeys } from './keys';
import { trackWrite } from './mutation-helpers';
import { getApiClient } from './shared';
import type { Attachment, AttachmentEntityType, ListResponse } from './types';

export const attachmentQueries = {
  list: (entityType: AttachmentEntityType, entityId: string) =>
    queryOptions({
      queryKey: attachmentKeys.list(entityType, entityId),
      queryFn: ({ signal }): Promise<ListResponse<Attachment>> =>
        getApiClient().get('/attachments', {
          schema: restSchemas.attachments,
          query: { entity_type: entityType, entity_id: entityId },
          signal,
        }),
    }),
};

export type CreateAttachmentInput = {
  entityType: AttachmentEntityType;
  entityId: string;
  fileName: string;
  sizeBytes: number;
};

export const attachmentApi = {
  create: (input: CreateAttachmentInput): Promise<Attachment> =>
    getApiClient().post('/attachments', {
      schema: restSchemas.attachment,
      body: {
        entity_type: input.entityType,
        entity_id: input.entityId,
        file_name: input.fileName,
        size_bytes: input.sizeBytes,
      },
    }),
};

export const attachmentMutations = {
  create: (): UseMutationOptions<Attachment, Error, CreateAttachmentInput> => ({
    mutationFn: (input) => trackWrite('attachment', `new:${input.fileName}`, () => attachmentApi.create(input)),
    onSuccess: (attachment, _vars, _result, { client }) => {
      client.setQueryData<ListResponse<Attachment>>(
        attachmentKeys.list(attachment.entityType, attachment.entityId),
        (old) =>
          !old || old.items.some((a) => a.id === attachment.id) ? old : { ...old, items: [...old.items, attachment] },
      );
    },
  }),
};
